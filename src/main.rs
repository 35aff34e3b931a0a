use std::process::ExitCode;

fn main() -> ExitCode {
    cniplan::cli::main()
}
