//! SSRF guard: webhook URLs may not point into the operator's network unless the
//! operator allows it (`WEBHOOK_ALLOW_PRIVATE`, which turns the guard off).
//!
//! An address is allowed only when it is globally reachable: every block of the
//! IANA IPv4 and IPv6 Special-Purpose Address Registries is refused unless the
//! registry marks it "Globally Reachable: True", after the IPv4 address inside an
//! IPv4-mapped (`::ffff:0:0/96`) or NAT64 (`64:ff9b::/96`) address has been taken
//! out and judged itself. Other IPv4-embedding forms are refused outright:
//! IPv4-compatible (`::/96`, deprecated), local-use NAT64 (`64:ff9b:1::/48`),
//! 6to4 (`2002::/16`) and Teredo (`2001::/32`) — the registry does not call them
//! globally reachable, and what they reach depends on relays. IPv6 outside
//! `2000::/3` (the only global unicast space allocated) and multicast are refused.
//!
//! URLs are checked when an endpoint is saved (every address the host resolves to)
//! and again at delivery: the URL's form there, and the connection's own DNS
//! answer through [`GuardedResolver`] — the client resolves the name once, refuses
//! it when any address is not allowed, and connects only to the addresses it
//! judged, so a DNS answer that changes later (rebinding) cannot turn a delivery
//! inward. The client follows no redirects and uses no proxy.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::LazyLock;

use ipnet::{Ipv4Net, Ipv6Net};
use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::Host;

/// The IANA IPv4 Special-Purpose Address Registry
/// (<https://www.iana.org/assignments/iana-ipv4-special-registry/>): each block,
/// its name, and whether the registry marks it globally reachable (`N/A` is not).
pub const IPV4_SPECIAL_PURPOSE: &[(&str, &str, bool)] = &[
    ("0.0.0.0/8", "\"this network\"", false),
    ("0.0.0.0/32", "\"this host on this network\"", false),
    ("10.0.0.0/8", "private-use", false),
    ("100.64.0.0/10", "shared address space", false),
    ("127.0.0.0/8", "loopback", false),
    ("169.254.0.0/16", "link local", false),
    ("172.16.0.0/12", "private-use", false),
    ("192.0.0.0/24", "IETF protocol assignments", false),
    ("192.0.0.0/29", "IPv4 service continuity prefix", false),
    ("192.0.0.8/32", "IPv4 dummy address", false),
    ("192.0.0.9/32", "Port Control Protocol anycast", true),
    ("192.0.0.10/32", "TURN anycast", true),
    ("192.0.0.170/32", "NAT64/DNS64 discovery", false),
    ("192.0.0.171/32", "NAT64/DNS64 discovery", false),
    ("192.0.2.0/24", "documentation (TEST-NET-1)", false),
    ("192.31.196.0/24", "AS112-v4", true),
    ("192.52.193.0/24", "AMT", true),
    ("192.88.99.0/24", "deprecated 6to4 relay anycast", false),
    ("192.168.0.0/16", "private-use", false),
    ("192.175.48.0/24", "direct delegation AS112 service", true),
    ("198.18.0.0/15", "benchmarking", false),
    ("198.51.100.0/24", "documentation (TEST-NET-2)", false),
    ("203.0.113.0/24", "documentation (TEST-NET-3)", false),
    ("240.0.0.0/4", "reserved", false),
    ("255.255.255.255/32", "limited broadcast", false),
];

/// Not special-purpose unicast but never a webhook receiver either (IANA IPv4
/// Multicast Address Space registry).
const IPV4_OTHER: &[(&str, &str, bool)] = &[("224.0.0.0/4", "multicast", false)];

/// The IANA IPv6 Special-Purpose Address Registry
/// (<https://www.iana.org/assignments/iana-ipv6-special-registry/>), as above.
/// `::ffff:0:0/96` and `64:ff9b::/96` never decide: the IPv4 address inside does.
pub const IPV6_SPECIAL_PURPOSE: &[(&str, &str, bool)] = &[
    ("::1/128", "loopback", false),
    ("::/128", "unspecified", false),
    ("::ffff:0:0/96", "IPv4-mapped", false),
    ("64:ff9b::/96", "IPv4-IPv6 translation", true),
    ("64:ff9b:1::/48", "local-use IPv4-IPv6 translation", false),
    ("100::/64", "discard-only", false),
    ("100:0:0:1::/64", "dummy IPv6 prefix", false),
    ("2001::/23", "IETF protocol assignments", false),
    ("2001::/32", "Teredo", false),
    ("2001:1::1/128", "Port Control Protocol anycast", true),
    ("2001:1::2/128", "TURN anycast", true),
    ("2001:1::3/128", "DNS-SD service registration protocol anycast", true),
    ("2001:2::/48", "benchmarking", false),
    ("2001:3::/32", "AMT", true),
    ("2001:4:112::/48", "AS112-v6", true),
    ("2001:10::/28", "deprecated ORCHID", false),
    ("2001:20::/28", "ORCHIDv2", true),
    ("2001:30::/28", "drone remote ID entity tags", true),
    ("2001:db8::/32", "documentation", false),
    ("2002::/16", "6to4", false),
    ("2620:4f:8000::/48", "direct delegation AS112 service", true),
    ("3fff::/20", "documentation", false),
    ("5f00::/16", "segment routing SIDs", false),
    ("fc00::/7", "unique-local", false),
    ("fe80::/10", "link-local unicast", false),
];

/// From the IANA IPv6 Address Space registry: multicast, and deprecated site-local
/// (both outside `2000::/3` too; named for the error message).
const IPV6_OTHER: &[(&str, &str, bool)] = &[
    ("ff00::/8", "multicast", false),
    ("fec0::/10", "deprecated site-local", false),
    ("::/96", "IPv4-compatible (deprecated)", false),
];

struct Table<N> {
    blocks: Vec<(N, &'static str, bool)>,
}

impl<N: Copy + std::str::FromStr> Table<N>
where
    N::Err: std::fmt::Debug,
{
    fn parse(rows: &[&[(&'static str, &'static str, bool)]]) -> Self {
        let blocks = rows
            .iter()
            .flat_map(|t| t.iter())
            .map(|(net, name, global)| (net.parse::<N>().expect("a valid prefix in the table"), *name, *global))
            .collect();
        Self { blocks }
    }
}

static V4: LazyLock<Table<Ipv4Net>> = LazyLock::new(|| Table::parse(&[IPV4_SPECIAL_PURPOSE, IPV4_OTHER]));
static V6: LazyLock<Table<Ipv6Net>> = LazyLock::new(|| Table::parse(&[IPV6_SPECIAL_PURPOSE, IPV6_OTHER]));

/// Why an address is not allowed: the block it falls in.
fn refusal_v4(ip: Ipv4Addr) -> Option<&'static str> {
    // The most specific block decides (192.0.0.9/32 inside 192.0.0.0/24).
    V4.blocks
        .iter()
        .filter(|(net, _, _)| net.contains(&ip))
        .max_by_key(|(net, _, _)| net.prefix_len())
        .and_then(|(_, name, global)| (!global).then_some(*name))
}

fn refusal_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return refusal_v4(v4);
    }
    let seg = ip.segments();
    if seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        // NAT64 well-known prefix: the translator forwards to the IPv4 address inside.
        let o = ip.octets();
        return refusal_v4(Ipv4Addr::new(o[12], o[13], o[14], o[15]));
    }
    let decided = V6
        .blocks
        .iter()
        .filter(|(net, _, _)| net.contains(&ip))
        .max_by_key(|(net, _, _)| net.prefix_len())
        .map(|(_, name, global)| (!global).then_some(*name));
    match decided {
        Some(verdict) => verdict,
        None if seg[0] & 0xe000 == 0x2000 => None,
        None => Some("not global unicast (outside 2000::/3)"),
    }
}

/// The block that makes `ip` unfit to receive webhooks, if any.
pub fn refusal(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refusal_v4(v4),
        IpAddr::V6(v6) => refusal_v6(v6),
    }
}

/// Globally reachable (see the module documentation).
pub fn is_public(ip: IpAddr) -> bool {
    refusal(ip).is_none()
}

#[derive(Debug, Clone, Copy)]
pub struct UrlGuard {
    pub allow_private: bool,
}

impl UrlGuard {
    /// The URL's form: scheme, no credentials, a host; an address literal must be
    /// allowed. Names are judged where they are resolved.
    pub fn check_form(&self, raw: &str) -> Result<Url, String> {
        let url = Url::parse(raw).map_err(|e| format!("is not a valid URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("must use http or https".into());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("must not contain credentials".into());
        }
        let literal = match url.host().ok_or("must have a host")? {
            Host::Ipv4(v4) => Some(IpAddr::V4(v4)),
            Host::Ipv6(v6) => Some(IpAddr::V6(v6)),
            Host::Domain(_) => None,
        };
        if let Some(ip) = literal {
            self.judge(ip)?;
        }
        Ok(url)
    }

    /// [`check_form`](Self::check_form), and every address the host resolves to
    /// now must be allowed (for saving an endpoint, with a precise answer).
    pub async fn check(&self, raw: &str) -> Result<Url, String> {
        let url = self.check_form(raw)?;
        if let Some(Host::Domain(host)) = url.host() {
            let port = url.port_or_known_default().unwrap_or(443);
            resolve(self, host, port).await?;
        }
        Ok(url)
    }

    fn judge(&self, ip: IpAddr) -> Result<(), String> {
        match refusal(ip) {
            Some(block) if !self.allow_private => {
                Err(format!("resolves to a private or reserved address ({ip}, {block}); not allowed"))
            }
            _ => Ok(()),
        }
    }
}

/// Resolves `host` once; every address must pass the guard.
async fn resolve(guard: &UrlGuard, host: &str, port: u16) -> Result<Vec<SocketAddr>, String> {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| format!("host `{host}` does not resolve: {e}"))?
        .collect();
    if addrs.is_empty() {
        return Err(format!("host `{host}` does not resolve"));
    }
    for a in &addrs {
        guard.judge(a.ip()).map_err(|e| format!("host `{host}` {e}"))?;
    }
    Ok(addrs)
}

/// The delivery client's resolver: the one DNS answer the connection uses, refused
/// whole when any address in it is not allowed.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver(pub UrlGuard);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.0;
        Box::pin(async move {
            let addrs: Addrs = Box::new(resolve(&guard, name.as_str(), 0).await?.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each registry block at its first and last address (and the forms that carry
    /// an IPv4 address), with the verdict the registries give. Written out by hand,
    /// not derived from the tables above.
    const CASES: &[(&str, bool)] = &[
        // IPv4 special-purpose registry
        ("0.0.0.0", false),
        ("0.255.255.255", false),
        ("10.0.0.0", false),
        ("10.255.255.255", false),
        ("100.64.0.0", false),
        ("100.127.255.255", false),
        ("127.0.0.0", false),
        ("127.255.255.255", false),
        ("169.254.0.0", false),
        ("169.254.169.254", false),
        ("169.254.255.255", false),
        ("172.16.0.0", false),
        ("172.31.255.255", false),
        ("192.0.0.0", false),
        ("192.0.0.7", false),
        ("192.0.0.8", false),
        ("192.0.0.9", true),
        ("192.0.0.10", true),
        ("192.0.0.11", false),
        ("192.0.0.170", false),
        ("192.0.0.171", false),
        ("192.0.0.255", false),
        ("192.0.2.0", false),
        ("192.0.2.255", false),
        ("192.31.196.0", true),
        ("192.31.196.255", true),
        ("192.52.193.0", true),
        ("192.52.193.255", true),
        ("192.88.99.0", false),
        ("192.88.99.255", false),
        ("192.168.0.0", false),
        ("192.168.255.255", false),
        ("192.175.48.0", true),
        ("192.175.48.255", true),
        ("198.18.0.0", false),
        ("198.18.0.1", false),
        ("198.19.255.255", false),
        ("198.51.100.0", false),
        ("198.51.100.255", false),
        ("203.0.113.0", false),
        ("203.0.113.255", false),
        ("240.0.0.0", false),
        ("255.255.255.254", false),
        ("255.255.255.255", false),
        ("224.0.0.1", false),
        ("239.255.255.255", false),
        // IPv4 neighbours of the blocks: ordinary public space
        ("1.1.1.1", true),
        ("8.8.8.8", true),
        ("9.255.255.255", true),
        ("11.0.0.0", true),
        ("100.63.255.255", true),
        ("100.128.0.0", true),
        ("172.15.255.255", true),
        ("172.32.0.0", true),
        ("192.0.1.0", true),
        ("192.88.98.255", true),
        ("192.88.100.0", true),
        ("198.17.255.255", true),
        ("198.20.0.0", true),
        ("223.255.255.255", true),
        // IPv6 special-purpose registry
        ("::1", false),
        ("::", false),
        ("::ffff:0:0", false),
        ("::ffff:127.0.0.1", false),
        ("::ffff:169.254.169.254", false),
        ("::ffff:8.8.8.8", true),
        ("64:ff9b::", false),
        ("64:ff9b::a9fe:a9fe", false),
        ("64:ff9b::7f00:1", false),
        ("64:ff9b::c0a8:101", false),
        ("64:ff9b::808:808", true),
        ("64:ff9b::c000:9", true),
        ("64:ff9b:1::", false),
        ("64:ff9b:1::808:808", false),
        ("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", false),
        ("100::", false),
        ("100::1", false),
        ("100::ffff:ffff:ffff:ffff", false),
        ("100:0:0:1::", false),
        ("100:0:0:1:ffff:ffff:ffff:ffff", false),
        ("2001::", false),
        ("2001::1", false),
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", false),
        ("2001:0:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("2001:1::", false),
        ("2001:1::1", true),
        ("2001:1::2", true),
        ("2001:1::3", true),
        ("2001:1::4", false),
        ("2001:2::", false),
        ("2001:2:0:ffff:ffff:ffff:ffff:ffff", false),
        ("2001:3::", true),
        ("2001:3:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("2001:4:112::", true),
        ("2001:4:112:ffff:ffff:ffff:ffff:ffff", true),
        ("2001:4:113::", false),
        ("2001:10::", false),
        ("2001:1f:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("2001:20::", true),
        ("2001:2f:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("2001:30::", true),
        ("2001:3f:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("2001:40::", false),
        ("2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("2001:db8::", false),
        ("2001:db8::1", false),
        ("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("2002::", false),
        ("2002:7f00:1::", false),
        ("2002:808:808::", false),
        ("2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("2620:4f:8000::", true),
        ("2620:4f:8000:ffff:ffff:ffff:ffff:ffff", true),
        ("3fff::", false),
        ("3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("5f00::", false),
        ("5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("fc00::", false),
        ("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("fe80::", false),
        ("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        // Outside 2000::/3, and the other embedding forms
        ("::127.0.0.1", false),
        ("::8.8.8.8", false),
        ("::ffff:0:7f00:1", false),
        ("::ffff:0:808:808", false),
        ("fec0::1", false),
        ("ff02::1", false),
        ("ff0e::1", false),
        ("1000::1", false),
        ("4000::1", false),
        // Ordinary public IPv6
        ("2001:200::", true),
        ("2001:4860:4860::8888", true),
        ("2606:4700:4700::1111", true),
        ("2620:4f:7fff:ffff:ffff:ffff:ffff:ffff", true),
        ("2620:4f:8001::", true),
        ("3ffe::1", true),
        ("3fff:1000::", true),
    ];

    #[test]
    fn registries_decide_every_block() {
        let mut wrong = Vec::new();
        for (ip, public) in CASES {
            let addr: IpAddr = ip.parse().expect("a test address");
            if is_public(addr) != *public {
                wrong.push(format!(
                    "{ip}: expected {}, got {:?}",
                    if *public { "allowed" } else { "refused" },
                    refusal(addr)
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_listed_block_is_covered_by_a_case() {
        for (net, name, _) in IPV4_SPECIAL_PURPOSE.iter().chain(IPV6_SPECIAL_PURPOSE) {
            let net: ipnet::IpNet = net.parse().expect("prefix");
            assert!(
                CASES.iter().any(|(ip, _)| net.contains(&ip.parse::<IpAddr>().expect("ip"))),
                "no case in {net} ({name})"
            );
        }
    }

    #[tokio::test]
    async fn refuses_inward_urls_in_every_spelling() {
        let strict = UrlGuard { allow_private: false };
        for url in [
            "http://127.0.0.1:9000/hook",
            "http://localhost/hook",
            "http://[::1]/hook",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/",
            "http://[::ffff:0:7f00:1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://198.18.0.1/",
            "http://[2001:db8::1]/",
            "http://[100::1]/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://0/",
            "http://[0:0:0:0:0:ffff:7f00:1]/",
            "ftp://93.184.216.34/",
            "http://user:pw@93.184.216.34/",
            "http://",
        ] {
            assert!(strict.check(url).await.is_err(), "{url} must be refused");
            assert!(strict.check_form(url).is_err() || url.contains("localhost"), "{url}: form check");
        }
        for url in ["https://93.184.216.34/hook", "http://[2606:4700:4700::1111]:8443/x", "http://[64:ff9b::808:808]/"]
        {
            assert!(strict.check(url).await.is_ok(), "{url} is allowed");
        }
        let open = UrlGuard { allow_private: true };
        assert!(open.check("http://127.0.0.1:9000/hook").await.is_ok());
        assert!(open.check("http://localhost:9000/hook").await.is_ok());
        assert!(open.check("http://[::1]:9000/hook").await.is_ok());
        assert!(open.check("ftp://127.0.0.1/").await.is_err(), "the form rules stay");
    }

    #[tokio::test]
    async fn the_resolver_refuses_a_name_with_any_inward_address() {
        let strict = GuardedResolver(UrlGuard { allow_private: false });
        let name = || "localhost".parse::<Name>().expect("name");
        assert!(strict.resolve(name()).await.is_err());
        let open = GuardedResolver(UrlGuard { allow_private: true });
        let addrs: Vec<SocketAddr> = open.resolve(name()).await.expect("resolves").collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()), "{addrs:?}");
    }
}
