//! `cargo xtask serve [--addr ADDR] [--tenant contoso|fabrikam] [--public-url URL]`: installs
//! what is missing, builds the portal (`cargo xtask build-portal`), pc-sandbox and pc-gateway (profile
//! `sandbox`) into cargo's target directory, then runs the sandbox on a free loopback port and
//! the gateway in front of it on `--addr`, until Ctrl-C or until either stops.

use std::io::{self, Write as _};
use std::process::ExitCode;

use anyhow::Result;

use crate::flags::{self, Tenant};
use crate::portal;
use crate::server::{Server, watch};
use crate::tools::install_portal_tools;
use crate::util::{run_step, target_dir, workspace_root};

/// The demo password of every sandbox user.
const DEMO_PASSWORD: &str = "demo";

impl Tenant {
    /// The partner's Entra tenant ID in pc-sandbox.
    fn tenant_id(self) -> &'static str {
        match self {
            Self::Contoso => "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01",
            Self::Fabrikam => "8e7c6b5a-4d3c-4b2a-8190-fa1b2c3d4e02",
        }
    }

    /// The gateway's client registration in pc-sandbox (client ID, secret).
    fn portal_client(self) -> (&'static str, &'static str) {
        match self {
            Self::Contoso => ("contoso-portal", "contoso-portal-secret"),
            Self::Fabrikam => ("fabrikam-portal", "fabrikam-portal-secret"),
        }
    }

    /// The partner's demo users: (sign-in name, what they may do).
    fn users(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Contoso => &[
                ("admin@contoso.example", "Admin agent (multi-factor)"),
                ("sales@contoso.example", "Sales agent (multi-factor)"),
                (
                    "helpdesk@contoso.example",
                    "Helpdesk agent: may look, may not buy",
                ),
                ("nomfa@contoso.example", "Admin agent without multi-factor"),
            ],
            Self::Fabrikam => &[("admin@fabrikam.example", "Admin agent (multi-factor)")],
        }
    }
}

impl flags::Serve {
    /// Builds and runs the sandbox and the gateway; returns when the first of them stops.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let Self {
            addr,
            tenant,
            public_url,
        } = self;
        let root = workspace_root()?;
        install_portal_tools(&root)?;
        let dist = portal::build(&root)?.dist;
        run_step(
            &root,
            &[],
            &[
                "build",
                "--profile",
                "sandbox",
                "-p",
                "pc-sandbox",
                "-p",
                "pc-gateway",
            ],
        )?;
        let binaries = target_dir(&root)?.join("sandbox");
        let sandbox = Server::start(
            &binaries.join("pc-sandbox"),
            &["serve", "--addr", "127.0.0.1:0"],
            &root,
            true,
        )?;
        let authority = format!("{}/{}/v2.0", sandbox.url, tenant.tenant_id());
        let (client_id, client_secret) = tenant.portal_client();
        let dist = dist.to_string_lossy().into_owned();
        let mut gateway_args = vec![
            "serve",
            "--addr",
            &addr,
            "--portal",
            &dist,
            "--upstream",
            &sandbox.url,
            "--authority",
            &authority,
            "--client-id",
            client_id,
            "--client-secret",
            client_secret,
            "--db",
            "sqlite::memory:",
        ];
        if let Some(url) = &public_url {
            gateway_args.extend(["--public-url", url]);
        }
        let gateway = Server::start(&binaries.join("pc-gateway"), &gateway_args, &root, true)?;
        let mut out = io::stdout().lock();
        writeln!(out)?;
        writeln!(out, "The portal: {}", gateway.url)?;
        writeln!(
            out,
            "  pc-gateway signs in with pc-sandbox at {authority} and forwards /v1 to {}",
            sandbox.url
        )?;
        writeln!(out, "  demo users (password `{DEMO_PASSWORD}`):")?;
        for (user, role) in tenant.users() {
            writeln!(out, "    {user:<26} {role}")?;
        }
        writeln!(out, "  Ctrl-C stops both servers.")?;
        out.flush()?;
        drop(out);
        Ok(watch([sandbox, gateway]))
    }
}

#[cfg(test)]
mod tests {
    use crate::flags::Tenant;

    #[test]
    fn each_tenant_signs_in_with_its_own_portal_client() {
        assert_eq!(
            Tenant::Fabrikam.portal_client(),
            ("fabrikam-portal", "fabrikam-portal-secret")
        );
        assert_eq!(Tenant::Contoso.portal_client().0, "contoso-portal");
        assert_ne!(Tenant::Contoso.tenant_id(), Tenant::Fabrikam.tenant_id());
    }
}
