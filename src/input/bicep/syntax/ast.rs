//! The syntax tree: declarations and expressions, each with its byte range in the file.

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Str(String),
    /// `'a${x}b'`: `parts.len() == holes.len() + 1`.
    Interp(Vec<String>, Vec<Expr>),
    Int(i64),
    Bool(bool),
    Null,
    Ident(String),
    Array(Vec<Item>),
    Object(Vec<Prop>),
    /// `f(…)`, `sys.f(…)`, `az.f(…)`; `target.f(…)` (a resource's method) has a target.
    Call {
        target: Option<Box<Expr>>,
        name: String,
        args: Vec<Expr>,
    },
    Member {
        target: Box<Expr>,
        name: String,
        safe: bool,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        safe: bool,
    },
    NonNull(Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Vec<String>, Box<Expr>),
    For(Box<ForLoop>),
    /// `if (cond) { … }`: a resource's or module's body deployed on a condition.
    If(Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForLoop {
    pub item: Option<String>,
    pub index: Option<String>,
    pub collection: Expr,
    /// The body; `Kind::If` when the loop filters.
    pub body: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Or,
    And,
    Coalesce,
    Eq,
    Ne,
    EqI,
    NeI,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Value(Expr),
    Spread(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Prop {
    Pair {
        key: String,
        key_start: usize,
        key_end: usize,
        value: Expr,
        /// A key written with `${…}`: computed.
        computed: Option<Expr>,
    },
    Spread(Expr),
    /// A child resource declared inside its parent's body.
    Resource(Box<Decl>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub kind: DeclKind,
    pub start: usize,
    pub end: usize,
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeclKind {
    TargetScope(Expr),
    Param {
        name: Name,
        /// A type ending in `?`.
        nullable: bool,
        value: Option<Expr>,
    },
    Var {
        name: Name,
        value: Expr,
    },
    Resource {
        name: Name,
        /// `Microsoft.Network/virtualNetworks@2024-01-01` as written, and where.
        kind: String,
        kind_span: (usize, usize),
        existing: bool,
        value: Expr,
    },
    Module {
        name: Name,
        path: String,
        path_span: (usize, usize),
        value: Expr,
    },
    Output {
        name: Name,
        value: Expr,
    },
    Func {
        name: Name,
        params: Vec<String>,
        body: Expr,
    },
    Import {
        /// The local names it brings in (`{a, b as c}`, or the namespace of `* as ns`).
        names: Vec<(String, String)>,
        wildcard: Option<String>,
        path: String,
        path_span: (usize, usize),
    },
    Using {
        path: String,
        path_span: (usize, usize),
    },
    /// `type`, `metadata`, `extension`, `assert` and the like: nothing to evaluate.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub end: usize,
    pub message: String,
}

/// A parsed file: its declarations and every syntax error found.
pub struct File {
    pub decls: Vec<Decl>,
    pub errors: Vec<Error>,
}
