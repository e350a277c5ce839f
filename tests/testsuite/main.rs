//! helder's test suite: one binary, one module per part of the product.
//!
//! Each test copies a site (the example, or a fixture folder under
//! `fixtures/`) to a temporary folder, runs the real `helder` binary on it,
//! and reads what it wrote with real parsers. The shared helpers are in
//! `common/`. One binary links helder's dependencies once, not once per file.

mod common;

mod bytes;
mod cookies;
mod errors;
mod fixtures;
mod forged;
mod history;
mod hostile;
mod init;
mod legal;
mod output;
mod pages;
mod readability;
mod records;
mod register;
mod regulation;
mod schema;
mod serve;
mod statements;
mod themes;
