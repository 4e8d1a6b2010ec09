"""Where the drop-box listens: this computer's interfaces, the reach sentence, the link."""

from __future__ import annotations

import ipaddress

import pytest

from circlekeeper.sessions.dropbox.network import (
    Interface,
    NetworkChoiceError,
    check_host,
    list_interfaces,
    page_url,
    reach_sentence,
)

ROOM = Interface("wlan0", "192.168.1.23", ipaddress.ip_network("192.168.1.0/24"))
ROOM6 = Interface("wlan0", "fd12:3456::7", ipaddress.ip_network("fd12:3456::/64"))


def test_this_computer_lists_its_loopback_first() -> None:
    interfaces = list_interfaces()
    assert interfaces[0].is_loopback
    assert any(i.address == "127.0.0.1" for i in interfaces)
    for interface in interfaces:
        address = ipaddress.ip_address(interface.address)
        assert address in interface.network
        assert not address.is_link_local


def test_labels_say_who_could_reach_each_address() -> None:
    loopback = Interface("lo", "127.0.0.1", ipaddress.ip_network("127.0.0.0/8"))
    assert loopback.label == "lo: 127.0.0.1 (this computer only)"
    assert ROOM.label == "wlan0: 192.168.1.23 (network 192.168.1.0/24)"


@pytest.mark.parametrize(
    ("host", "sentence"),
    [
        ("127.0.0.1", "Only this computer can open this page."),
        ("::1", "Only this computer can open this page."),
        (
            "192.168.1.23",
            "Anyone on the network 192.168.1.0/24 (wlan0) who scans the code can open this page.",
        ),
        (
            "fd12:3456::7",
            "Anyone on the network fd12:3456::/64 (wlan0) who scans the code can open this page.",
        ),
        ("10.9.8.7", "Anyone who can reach 10.9.8.7 and scans the code can open this page."),
    ],
)
def test_the_reach_sentence(host: str, sentence: str) -> None:
    assert reach_sentence(host, [ROOM, ROOM6]) == sentence


@pytest.mark.parametrize(
    ("host", "words"),
    [
        ("0.0.0.0", "every network"),
        ("::", "every network"),
        ("localhost", "not an address"),
        ("", "not an address"),
        ("192.168.1.300", "not an address"),
    ],
)
def test_only_one_plain_address_is_accepted(host: str, words: str) -> None:
    with pytest.raises(NetworkChoiceError, match=words):
        check_host(host)
    with pytest.raises(NetworkChoiceError, match=words):
        reach_sentence(host, [])


def test_the_link_holds_address_port_and_token() -> None:
    assert page_url("192.168.1.23", 8123, "tok") == "http://192.168.1.23:8123/tok/"
    assert page_url("fd12:3456::7", 8123, "tok") == "http://[fd12:3456::7]:8123/tok/"
