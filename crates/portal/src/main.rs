//! Sets the panic hook ([`pc_portal::stopped`]) and starts the portal in `<body>`
//! ([`pc_portal::start`]); everything else is in the library.

fn main() {
    pc_portal::stopped::install();
    pc_portal::start();
}
