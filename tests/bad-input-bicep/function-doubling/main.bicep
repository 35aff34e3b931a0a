func f0(x string) string => '${x}${x}'
func f1(x string) string => '${f0(x)}${f0(x)}'
func f2(x string) string => '${f1(x)}${f1(x)}'
func f3(x string) string => '${f2(x)}${f2(x)}'
func f4(x string) string => '${f3(x)}${f3(x)}'
func f5(x string) string => '${f4(x)}${f4(x)}'
func f6(x string) string => '${f5(x)}${f5(x)}'
func f7(x string) string => '${f6(x)}${f6(x)}'
func f8(x string) string => '${f7(x)}${f7(x)}'
func f9(x string) string => '${f8(x)}${f8(x)}'
func f10(x string) string => '${f9(x)}${f9(x)}'
func f11(x string) string => '${f10(x)}${f10(x)}'
func f12(x string) string => '${f11(x)}${f11(x)}'
func f13(x string) string => '${f12(x)}${f12(x)}'
func f14(x string) string => '${f13(x)}${f13(x)}'
func f15(x string) string => '${f14(x)}${f14(x)}'
func f16(x string) string => '${f15(x)}${f15(x)}'
func f17(x string) string => '${f16(x)}${f16(x)}'
func f18(x string) string => '${f17(x)}${f17(x)}'
func f19(x string) string => '${f18(x)}${f18(x)}'
func f20(x string) string => '${f19(x)}${f19(x)}'
func f21(x string) string => '${f20(x)}${f20(x)}'
func f22(x string) string => '${f21(x)}${f21(x)}'
func f23(x string) string => '${f22(x)}${f22(x)}'
func f24(x string) string => '${f23(x)}${f23(x)}'
func f25(x string) string => '${f24(x)}${f24(x)}'
func f26(x string) string => '${f25(x)}${f25(x)}'
func f27(x string) string => '${f26(x)}${f26(x)}'
func f28(x string) string => '${f27(x)}${f27(x)}'
func f29(x string) string => '${f28(x)}${f28(x)}'
func f30(x string) string => '${f29(x)}${f29(x)}'
func f31(x string) string => '${f30(x)}${f30(x)}'
func f32(x string) string => '${f31(x)}${f31(x)}'
func f33(x string) string => '${f32(x)}${f32(x)}'
func f34(x string) string => '${f33(x)}${f33(x)}'
func f35(x string) string => '${f34(x)}${f34(x)}'
func f36(x string) string => '${f35(x)}${f35(x)}'
func f37(x string) string => '${f36(x)}${f36(x)}'
func f38(x string) string => '${f37(x)}${f37(x)}'
func f39(x string) string => '${f38(x)}${f38(x)}'
func f40(x string) string => '${f39(x)}${f39(x)}'
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: f40('v')
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'nodes'
        properties: {
          addressPrefix: '10.0.0.0/24'
        }
      }
    ]
  }
}
