//! Precompression of a built portal: `<file>.br` (brotli, quality 11, 16 MiB window) and
//! `<file>.gz` (gzip, level 9) beside every compressible file, which pc-gateway and
//! `pc-sandbox --portal` (pc-assets) send to browsers that accept them.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

/// The extensions of the files worth compressing: text and wasm.
const COMPRESSIBLE: &[&str] = &["wasm", "js", "mjs", "css", "html", "svg", "json", "ftl"];
/// Brotli's quality (0–11): the densest, fine for files compressed once per build.
const BROTLI_QUALITY: u32 = 11;
/// Brotli's window, log2 bytes: 24 (16 MiB), the largest every browser decodes.
const BROTLI_WINDOW: u32 = 24;

/// Bytes of the compressible files of a directory: as built, and as sent to a client that
/// accepts brotli and to one that accepts only gzip (a file whose compressed form would not be
/// smaller counts with its own size: none is written for it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    /// How many compressible files there are.
    pub(crate) files: usize,
    /// Their bytes as built.
    pub(crate) raw: u64,
    /// Their bytes as sent with `Content-Encoding: br`.
    pub(crate) brotli: u64,
    /// Their bytes as sent with `Content-Encoding: gzip`.
    pub(crate) gzip: u64,
}

/// Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir` (recursively),
/// replacing older ones; where a compressed form is not smaller than the file, none is written
/// (and an older one is removed), so the file itself is sent.
///
/// Errors: `dir` or a file under it cannot be read, or a compressed file cannot be written.
pub(crate) fn precompress(dir: &Path) -> Result<Totals> {
    let mut totals = Totals::default();
    for path in compressible_files(dir)? {
        let data = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let (brotli, gzip) = std::thread::scope(|scope| {
            let brotli = scope.spawn(|| brotli_compress(&data));
            let gzip = gzip_compress(&data);
            (brotli.join(), gzip)
        });
        let brotli = brotli
            .map_err(|_| anyhow::anyhow!("brotli panicked on {}", path.display()))?
            .with_context(|| format!("cannot compress {}", path.display()))?;
        let gzip = gzip.with_context(|| format!("cannot compress {}", path.display()))?;
        let raw = data.len() as u64;
        totals.files += 1;
        totals.raw += raw;
        totals.brotli += write_if_smaller(&path, "br", &brotli, raw)?;
        totals.gzip += write_if_smaller(&path, "gz", &gzip, raw)?;
    }
    Ok(totals)
}

/// Writes `compressed` to `<path>.<suffix>` when it is smaller than the `raw` bytes of `path`
/// (else removes an older `<path>.<suffix>`); returns the bytes a client is sent.
fn write_if_smaller(path: &Path, suffix: &str, compressed: &[u8], raw: u64) -> Result<u64> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    let target = PathBuf::from(name);
    let size = compressed.len() as u64;
    if size < raw {
        fs::write(&target, compressed)
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok(size)
    } else {
        match fs::remove_file(&target) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(error).with_context(|| format!("cannot remove {}", target.display()));
            }
        }
        Ok(raw)
    }
}

/// The files under `dir` with a compressible extension, sorted.
fn compressible_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries =
            fs::read_dir(&current).with_context(|| format!("cannot read {}", current.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", current.display()))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .with_context(|| format!("cannot read {}", path.display()))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file()
                && path
                    .extension()
                    .and_then(|ext| ext.to_str())
                    .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `data` as brotli at quality 11 with a 16 MiB window.
fn brotli_compress(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_WINDOW as i32,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

/// `data` as gzip at the best compression (level 9).
fn gzip_compress(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::io::Read as _;

    use super::*;

    #[test]
    fn compressible_files_get_smaller_siblings_and_others_none() {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("snippets/x")).unwrap();
        let js = "export function f() { return 1; }\n".repeat(100);
        fs::write(dir.join("app-0123456789abcdef.js"), &js).unwrap();
        fs::write(dir.join("snippets/x/inline0.js"), &js).unwrap();
        fs::write(dir.join("tiny.css"), "a{}").unwrap();
        fs::write(dir.join("tiny.css.br"), "stale").unwrap();
        fs::write(dir.join("photo.png"), &js).unwrap();

        let totals = precompress(&dir).unwrap();

        assert_eq!(totals.files, 3);
        assert_eq!(totals.raw, 2 * js.len() as u64 + 3);
        assert!(totals.brotli < totals.raw / 10, "{totals:?}");
        assert!(totals.gzip < totals.raw / 10, "{totals:?}");
        for name in ["app-0123456789abcdef.js", "snippets/x/inline0.js"] {
            let mut decoded = String::new();
            brotli::Decompressor::new(&fs::read(dir.join(format!("{name}.br"))).unwrap()[..], 4096)
                .read_to_string(&mut decoded)
                .unwrap();
            assert_eq!(decoded, js);
            let mut decoded = String::new();
            flate2::read::GzDecoder::new(&fs::read(dir.join(format!("{name}.gz"))).unwrap()[..])
                .read_to_string(&mut decoded)
                .unwrap();
            assert_eq!(decoded, js);
        }
        // Three bytes do not compress: no siblings, and the stale one is gone.
        assert!(!dir.join("tiny.css.br").exists());
        assert!(!dir.join("tiny.css.gz").exists());
        assert!(!dir.join("photo.png.br").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
