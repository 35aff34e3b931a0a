# 10^9 subnets: Terraform's range() refuses more than 1,024 values, and so does cniplan,
# where it is called (tests/suite/terraform_bad_input.rs builds 10^9 from three nested ranges too).
resource "azapi_resource" "subnet" {
  for_each  = toset([for i in range(1000000000) : "s-${i}"])
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = each.key
  parent_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
  body      = { properties = { addressPrefix = "10.0.0.0/24" } }
}
