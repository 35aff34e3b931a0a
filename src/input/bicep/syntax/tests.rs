use super::*;

fn one(text: &str) -> Decl {
    let f = parse(text);
    assert_eq!(f.errors, vec![], "{text}");
    f.decls.into_iter().next().expect("a declaration")
}

#[test]
fn reads_declarations_with_spans() {
    let text = "@description('x')\nparam prefix string = '10.0'\n";
    let d = one(text);
    let DeclKind::Param {
        name,
        value: Some(v),
        nullable,
    } = d.kind
    else {
        panic!()
    };
    assert_eq!(name.text, "prefix");
    assert!(!nullable);
    assert_eq!(&text[v.start..v.end], "'10.0'");
    assert_eq!(d.decorators.len(), 1);
}

#[test]
fn multi_line_ternary_and_safe_access() {
    let text = "var a = contains(x[0], 'y')\n  ? {\n      b: 1\n    }\n  : x.?c ?? d!.e\nvar b = 1\n";
    let f = parse(text);
    assert_eq!(f.errors, vec![]);
    assert_eq!(f.decls.len(), 2);
    let DeclKind::Var { value, .. } = &f.decls[0].kind else {
        panic!()
    };
    assert!(matches!(value.kind, Kind::Ternary(..)));
}

#[test]
fn loops_conditions_nested_resources_and_interpolation() {
    let text = r#"
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = [for (v, i) in vnets: if (v.enabled) {
  name: '${prefix}-${i}'
  properties: {
subnets: [for s in v.subnets: {
  name: s.name
}]
  }
  resource sub 'subnets' = {
name: 'x'
  }
}]
"#;
    let d = one(text);
    let DeclKind::Resource { value, .. } = d.kind else {
        panic!()
    };
    let Kind::For(l) = value.kind else { panic!() };
    assert_eq!(l.index.as_deref(), Some("i"));
    let Kind::If(_, body) = l.body.kind else { panic!() };
    let Kind::Object(props) = body.kind else { panic!() };
    assert!(matches!(props[2], Prop::Resource(_)));
}

#[test]
fn types_lambdas_funcs_imports() {
    let text = "import { a, b as c } from 'types.bicep'\ntype t = { @description('x')\n name: string?\n kind: ('A' | 'B')? }\nparam p resourceInput<'Microsoft.Network/virtualNetworks@2025-05-01'>.tags?\nfunc f(x int, y string) string => '${x}${y}'\nvar m = map(xs, x => x.a)\nvar t = '''\nraw ${x}\n'''\n";
    let f = parse(text);
    assert_eq!(f.errors, vec![]);
    assert_eq!(f.decls.len(), 6);
    let DeclKind::Param { nullable, .. } = &f.decls[2].kind else {
        panic!()
    };
    assert!(nullable);
    let DeclKind::Var { value, .. } = &f.decls[5].kind else {
        panic!()
    };
    assert_eq!(value.kind, Kind::Str("raw ${x}\n".into()));
}

/// What Azure Verified Modules write (every `.bicep` file of
/// Azure/bicep-registry-modules@9f9ea1a parses).
#[test]
fn syntax_real_modules_use() {
    let text = "type t =\n  | 'a'\n  | 'b'\n@discriminator('k')\ntype u = | x\n  | y\nparam p\n  | 'a'\n  | 'b' = 'a'\nfunc f(id string?) string =>\n  last(split(id!, '/'))\nvar n = toLower( replace (x, 'a', 'b'))\nvar m = map(xs, x =>\n  x.a)\nextension microsoftGraphV1\noutput o string = vnet::subnet.id\n";
    let f = parse(text);
    assert_eq!(f.errors, vec![]);
    assert_eq!(f.decls.len(), 8);
}

#[test]
fn errors_are_located_and_reading_goes_on() {
    let text = "var a = 'open\nvar b = ${\nvar c = 1\n";
    let f = parse(text);
    assert_eq!(f.errors.len(), 2);
    assert_eq!(f.errors[0].at, 8);
    assert_eq!(f.decls.len(), 1);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("var a = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let f = parse(&text);
    assert_eq!(f.errors.len(), 1);
    let text = format!("var a = {}1\n", "!".repeat(100_000));
    assert_eq!(parse(&text).errors.len(), 1);
}
