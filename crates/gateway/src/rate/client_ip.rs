//! The client IP of every request, computed once: the peer address, or — only
//! when the peer is one of `TRUSTED_PROXIES` — the right-most `X-Forwarded-For`
//! entry that is not itself a trusted proxy. Walking from the right matters: a
//! client can write anything into the left of the list, and only the entries
//! appended by our own proxies are facts.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use atrium_kernel::ClientIp;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    /// Parses CIDRs (or bare addresses); a bad entry is a startup error naming it.
    pub fn parse(list: &[String]) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            let net = item
                .parse::<IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("TRUSTED_PROXIES: `{item}` is not a CIDR or an IP address"))?;
            nets.push(net);
        }
        Ok(Self(Arc::new(nets)))
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|n| n.contains(&ip))
    }

    /// The client's address given the peer and the request headers.
    pub fn client_ip(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = peer.map(canonical)?;
        if !self.trusts(peer) {
            return Some(peer);
        }
        let hops = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // An unparsable hop ends the walk: what is left of it cannot be trusted.
            let Some(ip) = parse_hop(hop) else { break };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        Some(client)
    }
}

/// `1.2.3.4`, `1.2.3.4:5678`, `[::1]:80` or `::1`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>().ok().or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip())).map(canonical)
}

/// IPv4-mapped IPv6 addresses compare as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

pub async fn layer(State(trusted): State<TrustedProxies>, mut req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|ci| ci.0.ip());
    let ip = trusted.client_ip(peer, req.headers());
    req.extensions_mut().insert(ClientIp(ip));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn xff(v: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_static(v));
        h
    }

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn an_untrusted_peers_forwarded_for_is_ignored() {
        let t = TrustedProxies::parse(&["10.0.0.0/8".into()]).expect("parse");
        assert_eq!(t.client_ip(ip("203.0.113.9"), &xff("1.1.1.1")), ip("203.0.113.9"));
        let none = TrustedProxies::default();
        assert_eq!(none.client_ip(ip("10.0.0.1"), &xff("1.1.1.1")), ip("10.0.0.1"));
    }

    #[test]
    fn a_trusted_proxys_forwarded_for_is_honoured() {
        let t = TrustedProxies::parse(&["10.0.0.0/8".into(), "192.168.1.7".into()]).expect("parse");
        assert_eq!(t.client_ip(ip("10.1.2.3"), &xff("198.51.100.4")), ip("198.51.100.4"));
        // Two trusted hops: the walk skips the inner proxy.
        assert_eq!(t.client_ip(ip("10.1.2.3"), &xff("198.51.100.4, 192.168.1.7")), ip("198.51.100.4"));
        // No header: the proxy itself.
        assert_eq!(t.client_ip(ip("10.1.2.3"), &HeaderMap::new()), ip("10.1.2.3"));
        // IPv4-mapped peer.
        assert_eq!(t.client_ip(ip("::ffff:10.1.2.3"), &xff("198.51.100.4")), ip("198.51.100.4"));
    }

    #[test]
    fn spoofed_left_most_entries_are_ignored() {
        let t = TrustedProxies::parse(&["10.0.0.0/8".into()]).expect("parse");
        // The client wrote "6.6.6.6, 10.9.9.9" itself; our proxy appended its real address.
        assert_eq!(t.client_ip(ip("10.1.2.3"), &xff("6.6.6.6, 10.9.9.9, 198.51.100.4")), ip("198.51.100.4"));
        assert_eq!(t.client_ip(ip("10.1.2.3"), &xff("6.6.6.6, garbage, 198.51.100.4")), ip("198.51.100.4"));
        assert_eq!(t.client_ip(ip("10.1.2.3"), &xff("6.6.6.6, garbage")), ip("10.1.2.3"));
    }

    #[test]
    fn bad_entries_are_named() {
        let err = TrustedProxies::parse(&["10.0.0.0/8".into(), "nope".into()]).expect_err("bad");
        assert!(err.contains("nope"));
    }
}
