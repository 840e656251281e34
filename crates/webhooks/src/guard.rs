//! SSRF guard: webhook URLs may not point into the operator's network (loopback,
//! private, link-local, …) unless the operator allows it. Checked when an endpoint
//! is saved and again on every delivery through the HTTP client's resolver, so a
//! DNS answer that changes later cannot redirect deliveries inward.

use std::net::{IpAddr, SocketAddr};

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

#[derive(Debug, Clone, Copy)]
pub struct UrlGuard {
    pub allow_private: bool,
}

impl UrlGuard {
    /// Checks scheme, host and every address the host resolves to.
    pub async fn check(&self, raw: &str) -> Result<Url, String> {
        let url = Url::parse(raw).map_err(|e| format!("is not a valid URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("must use http or https".into());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("must not contain credentials".into());
        }
        let host = url.host_str().ok_or("must have a host")?.trim_matches(['[', ']']).to_owned();
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs: Vec<IpAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) => tokio::net::lookup_host((host.as_str(), port))
                .await
                .map_err(|e| format!("host `{host}` does not resolve: {e}"))?
                .map(|a| a.ip())
                .collect(),
        };
        if addrs.is_empty() {
            return Err(format!("host `{host}` does not resolve"));
        }
        if !self.allow_private
            && let Some(ip) = addrs.iter().find(|ip| !is_public(**ip))
        {
            return Err(format!("resolves to a private or reserved address ({ip}); not allowed"));
        }
        Ok(url)
    }
}

/// Addresses on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1])) // carrier-grade NAT
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00 // unique local
                || (seg[0] & 0xffc0) == 0xfe80) // link local
        }
    }
}

/// The HTTP client's resolver: drops non-public addresses unless allowed.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver(pub UrlGuard);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.0.allow_private;
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found.into_iter().filter(|a| allow_private || is_public(a.ip())).collect();
            if allowed.is_empty() {
                return Err(format!("`{}` resolves to no allowed address", name.as_str()).into());
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_addresses() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fc00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(private.parse().expect("ip")), "{private} must not be public");
        }
        for public in ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"] {
            assert!(is_public(public.parse().expect("ip")), "{public} is public");
        }
    }

    #[tokio::test]
    async fn rejects_inward_urls_unless_allowed() {
        let strict = UrlGuard { allow_private: false };
        assert!(strict.check("http://127.0.0.1:9000/hook").await.is_err());
        assert!(strict.check("http://localhost/hook").await.is_err());
        assert!(strict.check("http://[::1]/hook").await.is_err());
        assert!(strict.check("ftp://93.184.216.34/").await.is_err());
        assert!(strict.check("http://user:pw@93.184.216.34/").await.is_err());
        assert!(strict.check("https://93.184.216.34/hook").await.is_ok());
        assert!(UrlGuard { allow_private: true }.check("http://127.0.0.1:9000/hook").await.is_ok());
    }
}
