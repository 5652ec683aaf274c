//! Sets the panic hook ([`pc_portal::stopped`]) and mounts the portal into `<body>`; everything
//! else is in the library.

fn main() {
    pc_portal::stopped::install();
    leptos::mount::mount_to_body(pc_portal::App);
}
