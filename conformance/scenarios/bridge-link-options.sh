# Every bridge option iproute2 6.1 parses (ip/iplink_bridge.c bridge_parse_opt()), as br_changelink()
# (net/bridge/br_netlink.c) validates and applies it and `ip -d link` (bridge_print_opt()) shows it
# back. iproute2 rejects values that do not fit the attribute's width (priority is a u16); the kernel
# rejects a group_fwd_mask with the restricted bits (STP, pause, LACP), a group_address that is not
# 01:80:c2:00:00:0X or is one of the pause/slow/PAE addresses, an IGMP version other than 2 or 3, an
# MLD version other than 1 or 2, a multicast router mode above 2. This kernel has no
# CONFIG_BRIDGE_VLAN_FILTERING: the vlan options other than vlan_filtering are ignored. (ageing_time is
# left out: setting it runs the FDB cleanup at once, and gc_timer then counts down in real time.)
ip link add br0 address 02:00:00:00:06:00 type bridge priority 4096
ip -d link show br0
ip link set br0 type bridge priority 65536
ip link set br0 type bridge priority 65535
ip link set br0 type bridge group_fwd_mask 0x1
ip link set br0 type bridge group_fwd_mask 0x2
ip link set br0 type bridge group_fwd_mask 0x4
ip link set br0 type bridge group_fwd_mask 0x4008
ip link set br0 type bridge group_fwd_mask 65536
ip link set br0 type bridge group_address 01:80:c2:00:00:01
ip link set br0 type bridge group_address 01:80:c2:00:00:03
ip link set br0 type bridge group_address 01:80:c2:00:00:10
ip link set br0 type bridge group_address 01:80:c2:00:00:0e
ip link set br0 type bridge no_linklocal_learn 1 mcast_querier 1 mcast_router 2
ip link set br0 type bridge mcast_router 3
ip link set br0 type bridge mcast_igmp_version 3 mcast_mld_version 2
ip link set br0 type bridge mcast_igmp_version 4
ip link set br0 type bridge mcast_igmp_version 1
ip link set br0 type bridge mcast_mld_version 3
ip link set br0 type bridge mcast_mld_version 0
ip link set br0 type bridge vlan_protocol 802.1ad
ip link set br0 type bridge vlan_protocol 802.1x
ip link set br0 type bridge vlan_default_pvid 5 vlan_stats_enabled 1 vlan_stats_per_port 1
ip link set br0 type bridge nf_call_iptables 1 nf_call_ip6tables 1 nf_call_arptables 1
ip link set br0 type bridge mcast_query_use_ifaddr 1 mcast_stats_enabled 1 mcast_hash_elasticity 32 mcast_hash_max 1024
ip link set br0 type bridge mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200
ip link set br0 type bridge mcast_membership_interval 30000 mcast_querier_interval 30001 mcast_query_interval 13001
ip link set br0 type bridge mcast_query_response_interval 999 mcast_startup_query_interval 3001
ip link set br0 type bridge mcast_vlan_snooping 0
ip link set br0 type bridge mcast_vlan_snooping 1
ip link set br0 type bridge mcast_router 256
ip link set br0 type bridge mcast_snooping 0 fdb_flush
ip link set br0 type bridge stp_state 1 forward_delay 400 hello_time 300 max_age 1000
ip -d link show br0
ip link set br0 type bridge mcast_query_interval 50 mcast_startup_query_interval 10
ip link set br0 type bridge no_linklocal_learn 0 mcast_querier 0 nf_call_iptables 0
ip link set br0 type bridge mcast_q 1
ip link set br0 type bridge mcast_la 7
ip link set br0 type bridge nf 0
ip link set br0 type bridge hello 200 max 2000 forw 1500
ip -d link show br0
ip link add br1 type bridge group_address 01:80:c2:00:00:02
ip link show br1
ip link add br1 type bridge mcast_igmp_version 3 help
