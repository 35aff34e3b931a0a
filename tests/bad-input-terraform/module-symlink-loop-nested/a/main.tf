module "n" {
  source = "./b"
}
