//! Open-loop HTTP load at a fixed rate, for the latency at a given throughput
//! (`bench/http/run.sh` uses it at half the peak rate; wrk cannot hold a rate).
//!
//! Request `i` is due at `start + i / rate` whatever happened before it, and its
//! latency is counted from that due time, not from when a connection was free: a
//! server that falls behind shows the queue it caused instead of slowing the load
//! down (no coordinated omission). At most `--conns` requests are in flight.
//!
//! ```sh
//! http-paced --rate 1000 --duration 15 --conns 64 -H 'Authorization: Bearer …' http://127.0.0.1:18080/api/v1/contacts?limit=50
//! ```

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use tokio::sync::Semaphore;

#[derive(Parser)]
struct Args {
    /// Requests per second, held for the whole run.
    #[arg(long)]
    rate: f64,
    /// Seconds of load.
    #[arg(long, default_value_t = 15)]
    duration: u64,
    /// Connections (requests in flight at most).
    #[arg(long, default_value_t = 64)]
    conns: usize,
    /// `Name: value` request headers.
    #[arg(short = 'H', long = "header")]
    headers: Vec<String>,
    /// The URL to GET.
    url: String,
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    failures: usize,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    if args.rate.is_nan() || args.rate <= 0.0 {
        eprintln!("--rate must be positive");
        std::process::exit(2);
    }
    let mut headers = HeaderMap::new();
    for h in &args.headers {
        let Some((name, value)) = h.split_once(':') else {
            eprintln!("header `{h}` is not `Name: value`");
            std::process::exit(2);
        };
        match (HeaderName::try_from(name.trim()), HeaderValue::try_from(value.trim())) {
            (Ok(n), Ok(v)) => {
                headers.insert(n, v);
            }
            _ => {
                eprintln!("header `{h}` is not valid");
                std::process::exit(2);
            }
        }
    }
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .pool_max_idle_per_host(args.conns)
        .build()
        .expect("http client");
    let slots = Arc::new(Semaphore::new(args.conns));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let total = (args.rate * args.duration as f64) as u64;
    let gap = Duration::from_secs_f64(1.0 / args.rate);
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    for i in 0..total {
        let due = start + gap.mul_f64(i as f64);
        tokio::time::sleep_until(due.into()).await;
        let (client, slots, tally, url) = (client.clone(), slots.clone(), tally.clone(), args.url.clone());
        tasks.push(tokio::spawn(async move {
            let Ok(_slot) = slots.acquire().await else { return };
            let ok = match client.get(&url).send().await {
                Ok(res) => res.status().is_success() && res.bytes().await.is_ok(),
                Err(_) => false,
            };
            let took = u64::try_from(due.elapsed().as_micros()).unwrap_or(u64::MAX);
            let mut t = tally.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            t.latencies_us.push(took);
            if !ok {
                t.failures += 1;
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let mut t = std::mem::take(&mut *tally.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    t.latencies_us.sort_unstable();
    let pct = |p: f64| -> f64 {
        let n = t.latencies_us.len();
        if n == 0 {
            return 0.0;
        }
        let i = ((n as f64 * p).ceil() as usize).clamp(1, n) - 1;
        t.latencies_us[i] as f64 / 1000.0
    };
    // One line, `key=value`, for scripts.
    println!(
        "requests={} rate={:.0} p50_ms={:.2} p90_ms={:.2} p99_ms={:.2} max_ms={:.2} failures={}",
        t.latencies_us.len(),
        t.latencies_us.len() as f64 / elapsed,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
        t.failures
    );
}
