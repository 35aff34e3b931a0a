# Each object is the one before, twice: 2^40 values written out, 40 lines read. The step
# budget charges a map what it takes in memory, so the evaluation stops within 500 MB.
locals {
  o0 = { k = "xxxxxxxx" }
  o1 = { l = local.o0, r = local.o0 }
  o2 = { l = local.o1, r = local.o1 }
  o3 = { l = local.o2, r = local.o2 }
  o4 = { l = local.o3, r = local.o3 }
  o5 = { l = local.o4, r = local.o4 }
  o6 = { l = local.o5, r = local.o5 }
  o7 = { l = local.o6, r = local.o6 }
  o8 = { l = local.o7, r = local.o7 }
  o9 = { l = local.o8, r = local.o8 }
  o10 = { l = local.o9, r = local.o9 }
  o11 = { l = local.o10, r = local.o10 }
  o12 = { l = local.o11, r = local.o11 }
  o13 = { l = local.o12, r = local.o12 }
  o14 = { l = local.o13, r = local.o13 }
  o15 = { l = local.o14, r = local.o14 }
  o16 = { l = local.o15, r = local.o15 }
  o17 = { l = local.o16, r = local.o16 }
  o18 = { l = local.o17, r = local.o17 }
  o19 = { l = local.o18, r = local.o18 }
  o20 = { l = local.o19, r = local.o19 }
  o21 = { l = local.o20, r = local.o20 }
  o22 = { l = local.o21, r = local.o21 }
  o23 = { l = local.o22, r = local.o22 }
  o24 = { l = local.o23, r = local.o23 }
  o25 = { l = local.o24, r = local.o24 }
  o26 = { l = local.o25, r = local.o25 }
  o27 = { l = local.o26, r = local.o26 }
  o28 = { l = local.o27, r = local.o27 }
  o29 = { l = local.o28, r = local.o28 }
  o30 = { l = local.o29, r = local.o29 }
  o31 = { l = local.o30, r = local.o30 }
  o32 = { l = local.o31, r = local.o31 }
  o33 = { l = local.o32, r = local.o32 }
  o34 = { l = local.o33, r = local.o33 }
  o35 = { l = local.o34, r = local.o34 }
  o36 = { l = local.o35, r = local.o35 }
  o37 = { l = local.o36, r = local.o36 }
  o38 = { l = local.o37, r = local.o37 }
  o39 = { l = local.o38, r = local.o38 }
  o40 = { l = local.o39, r = local.o39 }
}
resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
  tags                = { shape = jsonencode(local.o40) }
}
