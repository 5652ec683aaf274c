//! Servers a command starts (pc-sandbox, pc-gateway): started from cargo's target directory,
//! ready once they print `listening on URL`, killed when dropped.

use std::io::BufRead as _;
use std::path::Path;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::util::target_dir;

/// A server process that prints `listening on URL` first; its further output is passed on to
/// stderr; killed on drop.
pub(crate) struct Server {
    pub(crate) name: String,
    child: Child,
    pub(crate) url: String,
}

impl Server {
    /// Starts `binary args` in `dir` and waits for its `listening on` line; its log (stderr)
    /// and further output are shown when `show_log`, else discarded.
    pub(crate) fn start(binary: &Path, args: &[&str], dir: &Path, show_log: bool) -> Result<Self> {
        let name = binary
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| binary.display().to_string());
        let child = Command::new(binary)
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(if show_log {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        // From here on the child is killed on every way out.
        let mut server = Self {
            name,
            child,
            url: String::new(),
        };
        let stdout = server
            .child
            .stdout
            .take()
            .with_context(|| format!("no stdout from {}", server.name))?;
        let mut reader = std::io::BufReader::new(stdout);
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .with_context(|| format!("{} printed nothing", server.name))?;
        server.url = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("unexpected first line from {}: {line:?}", server.name))?
            .to_owned();
        // Keep reading, so a full pipe never blocks the server.
        let name = server.name.clone();
        std::thread::spawn(move || {
            for line in reader.lines().map_while(Result::ok) {
                if show_log {
                    eprintln!("[{name}] {line}");
                }
            }
        });
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until one of `servers` stops, then stops the others (dropping them); the exit code
/// says whether the first to stop stopped cleanly. Ctrl-C in the terminal reaches every process
/// of the foreground group, so both servers stop with it.
pub(crate) fn watch<const N: usize>(mut servers: [Server; N]) -> ExitCode {
    loop {
        for server in &mut servers {
            match server.child.try_wait() {
                Ok(None) => {}
                Ok(Some(status)) => {
                    eprintln!("{} stopped ({status})", server.name);
                    return if status.success() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::FAILURE
                    };
                }
                Err(error) => {
                    eprintln!("cannot watch {}: {error}", server.name);
                    return ExitCode::FAILURE;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A `pc-sandbox serve` (debug build, from cargo's target directory) on a free port with an
/// in-memory database and no delays, for the browser and npm tests; its log is discarded;
/// killed on drop.
pub(crate) fn start_test_sandbox(root: &Path) -> Result<Server> {
    let binary = target_dir(root)?.join("debug").join("pc-sandbox");
    Server::start(
        &binary,
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--db",
            "sqlite::memory:",
            "--order-list-delay",
            "0s",
            "--provisioning-delay",
            "0s",
        ],
        root,
        false,
    )
}
