"""Where the drop-box listens: this computer's network interfaces, and who could reach it.

By default the drop-box listens on the loopback address, which only this computer can
open (for trying it out, or a participant at the facilitator's own screen). To let
phones in the room send cards, the facilitator picks one interface from
:func:`list_interfaces`; :func:`reach_sentence` then says in plain words who could
open the page. Listening on every interface at once is refused: the screen could not
say truthfully who can reach it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import ifaddr

LOOPBACK = "127.0.0.1"
"""The default address: this computer only."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class NetworkChoiceError(ValueError):
    """An address the drop-box cannot listen on; ``str(error)`` says why in a sentence."""


@dataclass(frozen=True)
class Interface:
    """One address of one network interface of this computer."""

    name: str
    """The interface's name as the system shows it (``eth0``, ``en0``, ``Wi-Fi``)."""
    address: str
    """The address to listen on, such as ``192.168.1.23``."""
    network: IPNetwork
    """The network the address belongs to, such as ``192.168.1.0/24``."""

    @property
    def is_loopback(self) -> bool:
        """Whether only this computer can reach the address."""
        return ipaddress.ip_address(self.address).is_loopback

    @property
    def label(self) -> str:
        """A line for a list to choose from."""
        if self.is_loopback:
            return f"{self.name}: {self.address} (this computer only)"
        return f"{self.name}: {self.address} (network {self.network})"


def list_interfaces() -> list[Interface]:
    """This computer's addresses that a drop-box could listen on, loopback first.

    IPv6 link-local addresses are left out: a phone cannot open a link to one without
    knowing the interface's zone, which a QR code cannot carry.
    """
    found: list[Interface] = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            raw = ip.ip[0] if isinstance(ip.ip, tuple) else ip.ip
            try:
                address = ipaddress.ip_address(raw)
                network = ipaddress.ip_network(f"{raw}/{ip.network_prefix}", strict=False)
            except ValueError:
                continue
            if address.is_link_local or address.is_unspecified:
                continue
            found.append(Interface(adapter.nice_name, str(address), network))
    return sorted(found, key=lambda i: (not i.is_loopback, i.network.version, i.name, i.address))


def check_host(host: str) -> IPAddress:
    """The address in ``host``, or :class:`NetworkChoiceError` when it cannot be used.

    Only one plain address is accepted: a name would leave open which address it
    stands for, and a wildcard (``0.0.0.0``, ``::``) would listen everywhere.
    """
    try:
        address = ipaddress.ip_address(host.strip())
    except ValueError:
        raise NetworkChoiceError(
            f"{host!r} is not an address of this computer; choose one from the list"
        ) from None
    if address.is_unspecified:
        raise NetworkChoiceError(
            "listening on every network at once is not offered; choose one interface"
        )
    return address


def reach_sentence(host: str, interfaces: list[Interface] | None = None) -> str:
    """Who could open the drop-box's page when it listens on ``host``, in a sentence.

    Args:
        host: the address the drop-box listens on.
        interfaces: this computer's interfaces (read afresh when not given).
    """
    address = check_host(host)
    if address.is_loopback:
        return "Only this computer can open this page."
    if interfaces is None:
        interfaces = list_interfaces()
    for interface in interfaces:
        if ipaddress.ip_address(interface.address) == address:
            return (
                f"Anyone on the network {interface.network} ({interface.name}) "
                "who scans the code can open this page."
            )
    return f"Anyone who can reach {address} and scans the code can open this page."


def page_url(host: str, port: int, token: str) -> str:
    """The link to the phone page: the address (bracketed for IPv6), port and token."""
    address = check_host(host)
    shown = f"[{address}]" if address.version == 6 else str(address)
    return f"http://{shown}:{port}/{token}/"
