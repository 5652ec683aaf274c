#!/usr/bin/env bash
# `cargo xtask load`: load figures for pc-sandbox, measured with oha (crates.io) over loopback.
#   1. GET /v1/products (catalog) for 10 s with 32 connections: requests per second.
#   2. POST …/checkout of distinct fresh carts with 32 connections: latency percentiles.
# Builds the sandbox with the `sandbox` profile, runs it on a temporary SQLite file, prints the
# figures. Installs oha with `cargo install` when missing. Needs curl. The sandbox is looked for
# in cargo's target directory: `CARGO_TARGET_DIR` when set (`cargo xtask load` always sets it),
# else `target` (relative paths are read from the repository root, where cargo builds).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { printf '==> %s\n' "$*" >&2; }

if ! command -v oha >/dev/null 2>&1; then
    say "installing oha (cargo install --locked oha)"
    cargo install --locked oha
fi
command -v curl >/dev/null 2>&1 || { echo "error: curl is needed" >&2; exit 1; }

say "cargo build --profile sandbox -p pc-sandbox"
cargo build --quiet --profile sandbox -p pc-sandbox

work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"${CARGO_TARGET_DIR:-target}/sandbox/pc-sandbox" serve --addr 127.0.0.1:0 --db "$work/sandbox.db" \
    --order-list-delay 0s --provisioning-delay 0s >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 1 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
base="$(sed -n 's/^listening on //p' "$work/out")"
say "sandbox at $base"

token="$(curl -fsS "$base/contoso/oauth2/v2.0/token" \
    -d grant_type=client_credentials -d client_id=contoso-app -d client_secret=contoso-secret \
    --data-urlencode scope=https://api.partnercenter.microsoft.com/.default |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
auth="Authorization: Bearer $token"
customer=0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01

say "GET /v1/products?country=US&targetView=OnlineServices, 32 connections, 10 s"
oha --no-tui -z 10s -c 32 -H "$auth" "$base/v1/products?country=US&targetView=OnlineServices" | tee "$work/products.txt"

carts="${LOAD_CARTS:-4000}"
checkouts="${LOAD_CHECKOUTS:-400}"
say "creating $carts one-line carts"
body='{"lineItems":[{"id":0,"catalogItemId":"CFQ7TTC0LH18:0001:CFQ7TTC0K971","quantity":2,"billingCycle":"monthly","termDuration":"P1M"}]}'
printf '%s' "$body" >"$work/cart.json"
seq 1 "$carts" | xargs -P 16 -I{} curl -fsS -o "$work/cart-{}.json" -X POST \
    -H "$auth" -H "Content-Type: application/json" --data-binary "@$work/cart.json" \
    "$base/v1/customers/$customer/carts"
for f in "$work"/cart-*.json; do
    id="$(sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' "$f")"
    [[ -n "$id" ]] && echo "$base/v1/customers/$customer/carts/$id/checkout"
done >"$work/urls.txt"
say "$(wc -l <"$work/urls.txt") carts; $checkouts checkouts picked from them (each cart ~once), 32 connections"
oha --no-tui -n "$checkouts" -c 32 -m POST -H "$auth" --urls-from-file "$work/urls.txt" | tee "$work/checkout.txt"
orders="$(curl -fsS -H "$auth" "$base/v1/customers/$customer/orders" | grep -o '"lineItemNumber"' | wc -l)"
say "orders created: $orders"
