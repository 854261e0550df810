"""Turns: at most `capacity` holders; waiters are served in the order they came, or give up."""

import threading
import time

from backend.web.turns import Turns


def line_up(turns: Turns, names: str, order: list, hold: float = 0.0) -> list[threading.Thread]:
    """One thread per name, each in line before the next arrives."""

    def wait_for_turn(name):
        assert turns.acquire(timeout=5)
        order.append(name)
        time.sleep(hold)
        turns.release()

    threads = []
    for name in names:
        threads.append(threading.Thread(target=wait_for_turn, args=(name,)))
        threads[-1].start()
        while turns.waiting() < len(threads):
            time.sleep(0.001)
    return threads


def test_waiters_get_the_turn_in_the_order_they_came():
    turns = Turns()
    assert turns.acquire(timeout=1)
    order = []
    threads = line_up(turns, "abcde", order)
    turns.release()
    for thread in threads:
        thread.join()
    assert order == list("abcde")


def test_no_more_than_capacity_hold_a_turn_at_once():
    turns = Turns(2)
    holding, most = 0, 0
    mutex = threading.Lock()

    def work():
        nonlocal holding, most
        with turns.turn():
            with mutex:
                holding += 1
                most = max(most, holding)
            time.sleep(0.02)
            with mutex:
                holding -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 2


def test_a_waiter_gives_up_after_its_timeout_and_leaves_the_line():
    turns = Turns()
    assert turns.acquire(timeout=1)
    began = time.monotonic()
    assert not turns.acquire(timeout=0.05)
    assert 0.04 < time.monotonic() - began < 1
    assert turns.waiting() == 0
    turns.release()
    assert turns.acquire(timeout=0), "released with nobody waiting: free again"
