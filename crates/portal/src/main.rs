//! Mounts the portal into `<body>`; everything else is in the library.

fn main() {
    leptos::mount::mount_to_body(pc_portal::App);
}
