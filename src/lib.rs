//! helder: privacy statements, cookie notices and the privacy regulation of a
//! Dutch school board, generated from one YAML model.
//!
//! The library is a pipeline of stages, one module each, data flowing one way:
//!
//! ```text
//! load → check → history → archive → resolve → render → write → serve
//! ```
//!
//! - [`load`] reads `schools.yaml` and `content/` into the [`model`], keeping
//!   where every value was written;
//! - [`check`] reports every mistake at once, as [`diagnostic`]s;
//! - [`history`] reads git into a table of dates and versions per input;
//! - [`archive`] reads the earlier versions of the model from git, and
//!   what changed in legal facts ([`changes`]) from one to the next;
//! - [`resolve`] turns the model and that table into one typed view per page;
//! - [`render`] turns views into HTML with the [`theme`]'s templates and words;
//! - [`write`](mod@write) writes the pages beside the output folder and
//!   swaps the new site in atomically;
//! - [`serve`] is the preview: it serves the written site, watches the
//!   site's files and has the site built again after every save.
//!
//! Beside `resolve`, [`register`] turns the checked model into the record
//! of processing activities of GDPR art. 30 (`helder register`), and
//! [`changes`] compares two versions of the model in legal facts (the
//! statement's "what changed", the feeds and `helder diff`).
//!
//! The commands in [`cmd`] are short lists of these stage calls, and
//! [`emit`] shows what they report as text, JSON or GitHub annotations.
//!
//! **What may import what.** [`model`] imports nothing of helder. Every stage
//! may use [`model`], [`layout`] (the site's files, page paths and links),
//! [`diagnostic`] and the helpers [`yaml`], [`markdown`] and [`minify`], and the *output
//! types* of the stages before it; never anything of a stage after it. So
//! `check` knows nothing of pages, `history` nothing of views, and `resolve`
//! reads the history table but never writes into it.

pub mod archive;
pub mod changes;
pub mod check;
pub mod cmd;
pub mod diagnostic;
pub mod emit;
pub mod history;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod minify;
pub mod model;
pub mod register;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod theme;
pub mod write;
pub mod yaml;
