//! One parse per file (ARCHITECTURE.md): a walk's discovery parses a file to tell the inputs
//! from the modules they call, and the reader then reads the same tree; a module that several
//! inputs call is parsed once for all of them. The trees are kept by text, so a file is the
//! same file whatever its place among an input's sources, and a text that was edited (a fix
//! being verified) is parsed anew. Used by the Terraform reader for `.tf` files
//! (`terraform::files::parsed`) and the Bicep reader for `.bicep` files (`bicep::parsed`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Who asks for a text's tree (see [`Kept::parsed`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Parse {
    /// The walk's discovery, for the modules a file calls: the tree is kept for the reader.
    Discover,
    /// The reader, for the file an input is (a root module's file, a Bicep template): the
    /// kept tree is handed over and forgotten, as no other input reads it.
    Root,
    /// The reader, for a file of a module that an input calls: the tree stays kept for the
    /// other inputs that call it.
    Module,
}

/// Trees kept by text, up to a number of bytes of text (a tree takes a few tens of times
/// its text); past it, a file is parsed again when it is read.
pub struct Kept<T> {
    bytes: usize,
    kept: OnceLock<Mutex<Trees<T>>>,
    parses: AtomicU64,
}

struct Trees<T> {
    trees: foldhash::HashMap<Box<str>, Arc<T>>,
    bytes: usize,
}

impl<T> Kept<T> {
    /// Trees of at most `bytes` of text in all.
    pub const fn new(bytes: usize) -> Self {
        Kept {
            bytes,
            kept: OnceLock::new(),
            parses: AtomicU64::new(0),
        }
    }

    /// How many texts were parsed through this so far: the tests hold a walk to one parse
    /// per file.
    pub fn parses(&self) -> u64 {
        self.parses.load(Ordering::Relaxed)
    }

    /// The tree of `text`: the one kept when there is one, else `parse`'s, kept unless the
    /// reader of a root asks (or it failed, or the bytes are spent).
    pub fn parsed<E>(
        &self,
        text: &str,
        how: Parse,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let kept = self.kept.get_or_init(|| {
            Mutex::new(Trees {
                trees: foldhash::HashMap::default(),
                bytes: 0,
            })
        });
        if let Ok(mut k) = kept.lock() {
            let found = match how {
                Parse::Root => k.trees.remove(text).inspect(|_| k.bytes -= text.len()),
                Parse::Discover | Parse::Module => k.trees.get(text).cloned(),
            };
            if let Some(tree) = found {
                return Ok(tree);
            }
        }
        // Parsed outside the lock: two inputs that ask at once both parse, and one tree is
        // kept.
        self.parses.fetch_add(1, Ordering::Relaxed);
        let tree = Arc::new(parse(text)?);
        if how != Parse::Root {
            if let Ok(mut k) = kept.lock() {
                if k.bytes + text.len() <= self.bytes && !k.trees.contains_key(text) {
                    k.bytes += text.len();
                    k.trees.insert(text.into(), tree.clone());
                }
            }
        }
        Ok(tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_parsed_once_until_its_root_is_read() {
        let kept: Kept<usize> = Kept::new(1 << 10);
        let parses = std::cell::Cell::new(0);
        let parse = |t: &str| -> Result<usize, ()> {
            parses.set(parses.get() + 1);
            Ok(t.len())
        };
        assert_eq!(*kept.parsed("abc", Parse::Discover, parse).unwrap(), 3);
        assert_eq!(*kept.parsed("abc", Parse::Module, parse).unwrap(), 3);
        assert_eq!(*kept.parsed("abc", Parse::Root, parse).unwrap(), 3);
        assert_eq!(parses.get(), 1);
        // Handed to its root, the tree is forgotten.
        kept.parsed("abc", Parse::Root, parse).unwrap();
        assert_eq!(parses.get(), 2);
        assert_eq!(kept.parses(), 2);
    }

    #[test]
    fn past_its_bytes_a_text_is_parsed_each_time() {
        let kept: Kept<usize> = Kept::new(4);
        let parses = std::cell::Cell::new(0);
        let parse = |t: &str| -> Result<usize, ()> {
            parses.set(parses.get() + 1);
            Ok(t.len())
        };
        kept.parsed("abcd", Parse::Discover, parse).unwrap();
        kept.parsed("efgh", Parse::Discover, parse).unwrap();
        kept.parsed("efgh", Parse::Module, parse).unwrap();
        assert_eq!(parses.get(), 3);
        kept.parsed("abcd", Parse::Module, parse).unwrap();
        assert_eq!(parses.get(), 3);
        // A failed parse is not kept.
        let failing = |_: &str| -> Result<usize, &str> { Err("no") };
        assert!(kept.parsed("xy", Parse::Discover, failing).is_err());
    }
}
