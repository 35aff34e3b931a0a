//! The reach of a run (src/source/reach.rs, docs/arm-bicep-az.md "What a template may read"):
//! a file under review never reads the CI runner's environment or a file of the host into
//! findings, and `--fix` never writes outside the run. A path an input names is followed
//! within the current directory and the paths named on the command line, never into /proc,
//! /sys or /dev; an absolute Bicep path is Bicep's own error (BCP051).

use crate::common;

use serde_json::Value;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

fn run(dir: &Path, args: &[&str]) -> Output {
    common::command(args)
        .current_dir(dir)
        .env("CNIPLAN_AUDIT_SECRET", "hunter2-secret")
        .output()
        .expect("the binary runs")
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every diagnostic as "severity rule file:line:column message".
fn findings(out: &Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let mut found = Vec::new();
    for f in v["files"].as_array().unwrap() {
        for d in f["diagnostics"].as_array().unwrap() {
            found.push(format!(
                "{} {} {}:{}:{} {}",
                d["severity"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["message"].as_str().unwrap()
            ));
        }
    }
    found
}

fn all_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const VNET_NAMED: &str = "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: NAME\n  properties: {\n    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }\n    subnets: [ { name: 's', properties: { addressPrefix: '10.0.0.0/24' } } ]\n  }\n}\n";

/// A VNet with a subnet whose prefix has host bits set: a safe fix (`10.0.0.0/16`).
const FIXABLE: &str = "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'vnet'\n  properties: {\n    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }\n    subnets: [ { name: 'a', properties: { addressPrefix: '10.0.1.0/16' } } ]\n  }\n}\n";

#[test]
fn read_environment_variable_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.bicep", &VNET_NAMED.replace("NAME", "vnetName"));
    std::fs::write(
        dir.path().join("main.bicep"),
        format!(
            "param vnetName string\n{}",
            VNET_NAMED.replace("NAME", "vnetName")
        ),
    )
    .unwrap();
    write(
        dir.path(),
        "main.bicepparam",
        "using 'main.bicep'\nparam vnetName = readEnvironmentVariable('CNIPLAN_AUDIT_SECRET', 'unset')\n",
    );
    for format in ["json", "markdown", "human"] {
        let out = run(dir.path(), &["check", "--format", format, "main.bicepparam"]);
        let text = all_text(&out);
        assert!(!text.contains("hunter2"), "{text}");
        assert!(
            !text.contains("`unset`"),
            "the default is not taken either: {text}"
        );
    }
    let out = run(dir.path(), &["check", "--format", "json", "main.bicepparam"]);
    let found = findings(&out);
    assert!(
        found.iter().any(|f| f.contains("main.bicepparam:2:")
            && f.contains("cniplan does not read the environment, which holds a CI runner's secrets")),
        "{found:#?}"
    );
}

#[test]
fn a_loaded_file_by_an_absolute_path_is_bicep_s_error_and_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.bicep",
        &format!(
            "var host = loadTextContent('/etc/hostname')\n{}",
            VNET_NAMED.replace("NAME", "'v${host}'")
        ),
    );
    let out = run(dir.path(), &["check", "--format", "json", "main.bicep"]);
    assert_eq!(out.status.code(), Some(1), "{}", all_text(&out));
    let found = findings(&out);
    assert!(
        found.contains(&"error plan-schema main.bicep:1:28 '/etc/hostname' is an absolute path: Bicep refuses it (BCP051, \"Files must be referenced using relative paths\")".to_string()),
        "{found:#?}"
    );
    let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    if !hostname.trim().is_empty() {
        assert!(!String::from_utf8_lossy(&out.stdout).contains(&format!("v{}", hostname.trim())));
    }
}

#[test]
fn proc_and_files_outside_the_run_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "secret.txt", "hunter2-in-a-file");
    let deep = "../".repeat(30);
    write(
        dir.path(),
        "repo/main.bicep",
        &format!(
            "var env = loadTextContent('{deep}proc/self/environ')\nvar up = loadTextContent('../secret.txt')\nvar y = loadYamlContent('{deep}etc/hostname')\n{}",
            VNET_NAMED.replace("NAME", "'${env}${up}${y}'")
        ),
    );
    let repo = dir.path().join("repo");
    let out = run(&repo, &["check", "--format", "json", "main.bicep"]);
    let text = all_text(&out);
    assert!(!text.contains("hunter2"), "{text}");
    let found = findings(&out);
    let note = |line: usize, col: usize, what: &str| {
        found.iter().any(|f| {
            f.starts_with(&format!("note unresolved-input main.bicep:{line}:{col} ")) && f.contains(what)
        })
    };
    assert!(note(1, 27, "leads into /proc, /sys or /dev"), "{found:#?}");
    assert!(
        note(2, 26, "'../secret.txt' leads outside what this run reads"),
        "{found:#?}"
    );
    assert!(note(3, 25, "leads outside what this run reads"), "{found:#?}");
    // From the directory that holds the file, it is within reach, and read: no note names it.
    let out = run(dir.path(), &["check", "--format", "json", "repo/main.bicep"]);
    let found = findings(&out);
    assert!(!found.iter().any(|f| f.contains("secret.txt")), "{found:#?}");
    assert!(found.iter().any(|f| f.contains("leads into /proc")), "{found:#?}");
}

/// F2: `--fix` follows no module out of the run, by an absolute path or `../`; a `../modules`
/// module within the current directory (a monorepo checked from its root) is read and fixed.
#[test]
fn fix_writes_no_module_outside_the_run() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "victim/net.bicep", FIXABLE);
    write(dir.path(), "repo/modules/net.bicep", FIXABLE);
    let victim = dir.path().join("victim/net.bicep");
    write(
        dir.path(),
        "repo/abs.bicep",
        &format!("module net '{}' = {{\n  name: 'net'\n}}\n", victim.display()),
    );
    write(
        dir.path(),
        "repo/up.bicep",
        "module net '../victim/net.bicep' = {\n  name: 'net'\n}\n",
    );
    write(
        dir.path(),
        "repo/envs/prod/main.bicep",
        "module net '../../modules/net.bicep' = {\n  name: 'net'\n}\n",
    );
    let repo = dir.path().join("repo");
    let out = run(&repo, &["check", "--fix", "--format", "json", "abs.bicep"]);
    let found = findings(&out);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("error plan-schema abs.bicep:1:12 ") && f.contains("BCP051")),
        "{found:#?}"
    );
    let out = run(&repo, &["check", "--fix", "--format", "json", "up.bicep"]);
    let found = findings(&out);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("note unresolved-input up.bicep:1:12 ")
                && f.contains("'../victim/net.bicep' leads outside what this run reads")),
        "{found:#?}"
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        FIXABLE,
        "the file outside is untouched"
    );
    // Checked from the repository's root, `../../modules` is within the run: read and fixed.
    let out = run(&repo, &["check", "--fix", "envs/prod/main.bicep"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("fixed 1 finding in 1 file"),
        "{}",
        all_text(&out)
    );
    let fixed = std::fs::read_to_string(repo.join("modules/net.bicep")).unwrap();
    assert!(fixed.contains("'10.0.0.0/16' } }"), "{fixed}");
}

#[test]
fn a_terraform_module_outside_the_run_is_neither_read_nor_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "root/main.tf",
        "module \"net\" {\n  source = \"../victimmod\"\n}\n",
    );
    let module = "resource \"azurerm_virtual_network\" \"v\" {\n  name                = \"v\"\n  resource_group_name = \"rg\"\n  location            = \"westeurope\"\n  address_space       = [\"10.0.0.0/16\"]\n}\nresource \"azurerm_subnet\" \"s\" {\n  name                 = \"s\"\n  resource_group_name  = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes     = [\"10.0.1.0/16\"]\n}\n";
    write(dir.path(), "victimmod/main.tf", module);
    let root = dir.path().join("root");
    let out = run(
        &root,
        &["check", "--input", "terraform", "--fix", "--format", "json", "."],
    );
    let found = findings(&out);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("note unresolved-input ./main.tf:2:12 ")
                && f.contains("module `net`: '../victimmod' leads outside what this run reads")),
        "{found:#?}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("victimmod/main.tf")).unwrap(),
        module
    );
}

/// A `.tf` or `.tfvars` file that is a link out of the run's reach (`main.tf -> /etc/passwd`)
/// is refused, by a walk and by the Terraform reader alike: it was read, and its lines shown
/// in a `plan-syntax` snippet.
#[cfg(unix)]
#[test]
fn a_terraform_file_linked_out_of_the_run_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "host/secret.txt", "hunter2 = secret {\n");
    write(
        dir.path(),
        "root/net.tf",
        "resource \"azurerm_resource_group\" \"rg\" {\n  name     = \"rg\"\n  location = \"westeurope\"\n}\n",
    );
    let root = dir.path().join("root");
    for name in ["main.tf", "terraform.tfvars"] {
        let link = root.join(name);
        std::os::unix::fs::symlink("../host/secret.txt", &link).unwrap();
        for args in [&["check", "."][..], &["check", "--input", "terraform", "."]] {
            let out = run(&root, args);
            let text = all_text(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
            assert!(
                text.contains(&format!(
                    "'./{name}' leads outside what this run reads (the current directory, the paths named on the command line and the configuration's directory)"
                )),
                "{args:?}: {text}"
            );
            assert!(!text.contains("hunter2"), "{args:?}: {text}");
        }
        std::fs::remove_file(&link).unwrap();
    }
}

#[test]
fn a_deployment_template_outside_the_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "outside/net.json", "{}\n");
    write(
        dir.path(),
        "repo/.cniplan.yaml",
        "deployments:\n  - name: net\n    template: ../outside/net.json\n    resource_group: rg\n",
    );
    let out = run(&dir.path().join("repo"), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cniplan: .cniplan.yaml:3:15: the template `../outside/net.json` is not read: '../outside/net.json' leads outside what this run reads (the current directory, the paths named on the command line and the configuration's directory); cniplan does not follow it\n"
    );
}

/// F13: a deployment's file that is no regular file is named for what it is.
#[cfg(unix)]
#[test]
fn a_deployment_names_what_its_file_is() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("fifo.json"));
    std::os::unix::fs::symlink("loop2.json", dir.path().join("loop1.json")).unwrap();
    std::os::unix::fs::symlink("loop1.json", dir.path().join("loop2.json")).unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    write(
        dir.path(),
        ".cniplan.yaml",
        "deployments:\n  - name: a\n    template: fifo.json\n    resource_group: rg\n  - name: b\n    template: loop1.json\n    resource_group: rg\n  - name: c\n    template: d\n    resource_group: rg\n  - name: e\n    template: /dev/zero\n    resource_group: rg\n",
    );
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cniplan: .cniplan.yaml:3:15: the template `fifo.json` cannot be read: fifo.json is a named pipe (FIFO), not a regular file\n\
         cniplan: .cniplan.yaml:6:15: the template `loop1.json` cannot be read: loop1.json is a symbolic link that leads back to itself, a cycle of links\n\
         cniplan: .cniplan.yaml:9:15: the template `d` cannot be read: d is a directory, not a regular file\n\
         cniplan: .cniplan.yaml:12:15: the template `/dev/zero` is not read: '/dev/zero' leads into /proc, /sys or /dev, which hold the environment and devices of the machine cniplan runs on; cniplan does not read them\n"
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// F5: a named pipe called `*.json` is refused, not opened and waited on for ever.
#[cfg(unix)]
#[test]
fn a_fifo_named_json_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.json", "f.parameters.json", "k.yaml"] {
        let fifo = dir.path().join(name);
        mkfifo(&fifo);
        for command in ["check", "import"] {
            let args = [OsStr::new(command), fifo.as_os_str()];
            let run = common::measure::run(&args, Duration::from_secs(20));
            let stderr = String::from_utf8_lossy(&run.output.stderr);
            assert_eq!(run.output.status.code(), Some(2), "{command} {name}: {stderr}");
            assert!(
                stderr.contains("it is a named pipe (FIFO), not a regular file"),
                "{command} {name}: {stderr}"
            );
        }
    }
}
