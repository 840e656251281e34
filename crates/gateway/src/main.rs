#[tokio::main]
async fn main() {
    if let Err(e) = atrium_gateway::cli::main().await {
        eprintln!("atrium: {e}");
        std::process::exit(1);
    }
}
