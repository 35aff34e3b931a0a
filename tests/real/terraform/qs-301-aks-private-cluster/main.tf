provider "azurerm" {
  version = "~>2.11"
  features {}
}
