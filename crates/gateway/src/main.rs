/// jemalloc, not glibc's malloc: a list request allocates a few hundred small
/// blocks (a `String` per text cell, the row vectors, the response), and glibc's
/// allocate/free paths were a fifth of its instructions under callgrind
/// (bench/RESULTS.md, issue 12).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[tokio::main]
async fn main() {
    if let Err(e) = atrium_gateway::cli::main().await {
        eprintln!("atrium: {e}");
        std::process::exit(1);
    }
}
