//! The site's model as the tests read it: `schools.yaml` and `content/*.yaml`
//! into small structs with only the fields a test checks, so what a page
//! should say comes from the site's own YAML and is never copied into a test.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Site;

#[derive(Deserialize)]
pub struct School {
    pub id: String,
    pub name: String,
    pub place: String,
    #[serde(default)]
    pub systems: Vec<String>,
    #[serde(default)]
    pub practices: Vec<String>,
}

/// The schools of the site's schools.yaml, in its order.
pub fn schools(site: &Site) -> Vec<School> {
    #[derive(Deserialize)]
    struct SchoolsFile {
        schools: Vec<School>,
    }
    site.yaml::<SchoolsFile>("schools.yaml").schools
}

/// The ids of the schools of schools.yaml, in its order.
pub fn school_ids(site: &Site) -> Vec<String> {
    schools(site).into_iter().map(|s| s.id).collect()
}

/// Every YAML file of the site's content/, in name order, each read as a
/// `T`; a `T` with `#[serde(default)]` takes the sections it names from the
/// files that have them.
pub fn content<T: DeserializeOwned>(site: &Site) -> Vec<T> {
    let mut files: Vec<String> = std::fs::read_dir(site.path("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_str().unwrap().to_string())
        .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|name| site.yaml(&format!("content/{name}")))
        .collect()
}

/// The board, from the `organisation:` of content/.
#[derive(Deserialize, Clone)]
pub struct Organisation {
    pub name: String,
    pub visiting_address: Address,
    pub phone: String,
    pub email: String,
    pub dpo: Contact,
    pub supervisory_authority: Authority,
    // Shown in annex 2 of the regulation.
    pub website: String,
    pub postal_address: Option<Address>,
}

#[derive(Deserialize, Clone)]
pub struct Address {
    pub street: String,
    pub postcode: String,
    pub place: String,
}

#[derive(Deserialize, Clone)]
pub struct Contact {
    pub email: String,
}

#[derive(Deserialize, Clone)]
pub struct Authority {
    pub name: String,
    pub website: String,
}

/// The `organisation:` of the first file of content/ that has one.
pub fn organisation(site: &Site) -> Organisation {
    #[derive(Deserialize)]
    struct Fragment {
        organisation: Option<Organisation>,
    }
    content::<Fragment>(site)
        .into_iter()
        .find_map(|f| f.organisation)
        .expect("content/ has an `organisation:`")
}
