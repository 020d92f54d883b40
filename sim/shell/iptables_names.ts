// Names iptables prints and accepts: protocols (libxtables xtables_chain_protos[] then /etc/protocols),
// services (/etc/services, for tcp/udp ports), ICMP types (extensions/libxt_icmp.h icmp_codes[]).

/** xtables_chain_protos[] first, then Debian's /etc/protocols. */
const CHAIN_PROTOS: [string, number][] = [
  ['tcp', 6],
  ['sctp', 132],
  ['udp', 17],
  ['udplite', 136],
  ['icmp', 1],
  ['ipv6-icmp', 58],
  ['icmpv6', 58],
  ['esp', 50],
  ['ah', 51],
  ['mobility-header', 135],
  ['ipv6-mh', 135],
  ['mh', 135],
  ['all', 0],
];
const ETC_PROTOCOLS: [string, number][] = [
  ['ip', 0],
  ['hopopt', 0],
  ['icmp', 1],
  ['igmp', 2],
  ['ggp', 3],
  ['ipencap', 4],
  ['st', 5],
  ['tcp', 6],
  ['egp', 8],
  ['igp', 9],
  ['pup', 12],
  ['udp', 17],
  ['hmp', 20],
  ['xns-idp', 22],
  ['rdp', 27],
  ['iso-tp4', 29],
  ['dccp', 33],
  ['xtp', 36],
  ['ddp', 37],
  ['idpr-cmtp', 38],
  ['ipv6', 41],
  ['ipv6-route', 43],
  ['ipv6-frag', 44],
  ['idrp', 45],
  ['rsvp', 46],
  ['gre', 47],
  ['esp', 50],
  ['ah', 51],
  ['skip', 57],
  ['ipv6-icmp', 58],
  ['ipv6-nonxt', 59],
  ['ipv6-opts', 60],
  ['rspf', 73],
  ['vmtp', 81],
  ['eigrp', 88],
  ['ospf', 89],
  ['ax.25', 93],
  ['ipip', 94],
  ['etherip', 97],
  ['encap', 98],
  ['pim', 103],
  ['ipcomp', 108],
  ['vrrp', 112],
  ['l2tp', 115],
  ['isis', 124],
  ['sctp', 132],
  ['fc', 133],
  ['mobility-header', 135],
  ['udplite', 136],
  ['mpls-in-ip', 137],
  ['manet', 138],
  ['hip', 139],
  ['shim6', 140],
  ['wesp', 141],
  ['rohc', 142],
  ['ethernet', 143],
];

/** xtables_parse_protocol(): a number 0-255 or a name; undefined when unknown. */
export function parseProtocol(s: string): number | undefined {
  if (/^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(s)) {
    const n = Number(s.startsWith('0') && !/^0x/i.test(s) && s.length > 1 ? parseInt(s, 8) : s);
    return n <= 255 ? n : undefined;
  }
  return (CHAIN_PROTOS.find(([n]) => n === s) ?? ETC_PROTOCOLS.find(([n]) => n === s))?.[1];
}

/** proto_to_name(): the chain protocols' names, then /etc/protocols unless numeric. */
export function protoName(proto: number, nolookup: boolean): string | undefined {
  const c = CHAIN_PROTOS.find(([, n]) => n === proto);
  if (c) return c[0];
  if (proto && !nolookup) return ETC_PROTOCOLS.find(([, n]) => n === proto)?.[0];
  return undefined;
}

const SERVICES: [string, number, 'tcp' | 'udp' | 'both'][] = [
  ['tcpmux', 1, 'tcp'],
  ['echo', 7, 'both'],
  ['discard', 9, 'both'],
  ['daytime', 13, 'both'],
  ['chargen', 19, 'both'],
  ['ftp-data', 20, 'tcp'],
  ['ftp', 21, 'tcp'],
  ['fsp', 21, 'udp'],
  ['ssh', 22, 'tcp'],
  ['telnet', 23, 'tcp'],
  ['smtp', 25, 'tcp'],
  ['time', 37, 'both'],
  ['whois', 43, 'tcp'],
  ['tacacs', 49, 'both'],
  ['domain', 53, 'both'],
  ['bootps', 67, 'udp'],
  ['bootpc', 68, 'udp'],
  ['tftp', 69, 'udp'],
  ['gopher', 70, 'tcp'],
  ['finger', 79, 'tcp'],
  ['http', 80, 'tcp'],
  ['kerberos', 88, 'both'],
  ['pop3', 110, 'tcp'],
  ['sunrpc', 111, 'both'],
  ['auth', 113, 'tcp'],
  ['nntp', 119, 'tcp'],
  ['ntp', 123, 'udp'],
  ['netbios-ns', 137, 'udp'],
  ['netbios-dgm', 138, 'udp'],
  ['netbios-ssn', 139, 'tcp'],
  ['imap2', 143, 'tcp'],
  ['snmp', 161, 'both'],
  ['snmp-trap', 162, 'both'],
  ['bgp', 179, 'tcp'],
  ['ldap', 389, 'both'],
  ['https', 443, 'both'],
  ['microsoft-ds', 445, 'tcp'],
  ['submissions', 465, 'tcp'],
  ['isakmp', 500, 'udp'],
  ['syslog', 514, 'udp'],
  ['shell', 514, 'tcp'],
  ['printer', 515, 'tcp'],
  ['submission', 587, 'tcp'],
  ['ipp', 631, 'tcp'],
  ['ldaps', 636, 'tcp'],
  ['imaps', 993, 'tcp'],
  ['pop3s', 995, 'tcp'],
  ['openvpn', 1194, 'both'],
  ['mysql', 3306, 'tcp'],
  ['postgresql', 5432, 'tcp'],
  ['http-alt', 8080, 'tcp'],
];

/** getservbyname() */
export function serviceToPort(name: string, proto: 'tcp' | 'udp'): number | undefined {
  return SERVICES.find(([n, , p]) => n === name && (p === proto || p === 'both'))?.[1];
}

/** getservbyport() */
export function portToService(port: number, proto: 'tcp' | 'udp'): string | undefined {
  return SERVICES.find(([, n, p]) => n === port && (p === proto || p === 'both'))?.[0];
}

/** icmp_codes[]: name, type, code range. */
export const ICMP_CODES: readonly [string, number, number, number][] = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
];
