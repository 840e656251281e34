//! The query cache in process (`REDIS_URL` unset, one replica): a least-recently
//! used map bounded by the bytes it holds (`QUERY_CACHE_MAX_BYTES`), and the
//! generations in a plain map (a few counters per organization).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use atrium_kernel::OrganizationId;
use atrium_outbox::Change;
use lru::LruCache;

use super::{Entry, Lookup, QueryCache, Unavailable};

/// Bookkeeping per entry beside its body and headers.
const OVERHEAD: usize = 256;

pub struct MemoryQueryCache {
    generations: Mutex<HashMap<(OrganizationId, String), u64>>,
    entries: Mutex<Entries>,
}

struct Entries {
    map: LruCache<(OrganizationId, String), (Entry, Instant)>,
    bytes: usize,
    budget: usize,
}

fn size(key: &str, e: &Entry) -> usize {
    OVERHEAD + key.len() + e.body.len() + e.headers.iter().map(|(n, v)| n.len() + v.len()).sum::<usize>()
}

impl MemoryQueryCache {
    pub fn new(budget_bytes: usize) -> Self {
        Self {
            generations: Mutex::default(),
            entries: Mutex::new(Entries { map: LruCache::unbounded(), bytes: 0, budget: budget_bytes }),
        }
    }
}

impl Entries {
    fn remove(&mut self, key: &(OrganizationId, String)) {
        if let Some((old, _)) = self.map.pop(key) {
            self.bytes -= size(&key.1, &old);
        }
    }
}

#[async_trait]
impl QueryCache for MemoryQueryCache {
    async fn lookup(&self, org: OrganizationId, deps: &[&str], key: &str) -> Result<Lookup, Unavailable> {
        let generations = {
            let gens = self.generations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            deps.iter().map(|d| gens.get(&(org, (*d).to_owned())).copied().unwrap_or(0)).collect()
        };
        let key = (org, key.to_owned());
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = match entries.map.get(&key) {
            Some((e, until)) if *until > Instant::now() => Some(e.clone()),
            Some(_) => {
                entries.remove(&key);
                None
            }
            None => None,
        };
        Ok(Lookup { generations, entry })
    }

    async fn store(&self, org: OrganizationId, key: &str, entry: &Entry, ttl: Duration) {
        let bytes = size(key, entry);
        let key = (org, key.to_owned());
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if bytes > entries.budget / 4 {
            return;
        }
        entries.remove(&key);
        while entries.bytes + bytes > entries.budget {
            match entries.map.pop_lru() {
                Some((k, (old, _))) => entries.bytes -= size(&k.1, &old),
                None => break,
            }
        }
        entries.bytes += bytes;
        entries.map.push(key, (entry.clone(), Instant::now() + ttl));
    }

    async fn bump(&self, changes: &[Change]) {
        let mut gens = self.generations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for c in changes {
            *gens.entry((c.org, c.aggregate_type.clone())).or_insert(0) += 1;
        }
    }
}
