"""Accounts: users and usernames, tokens, and the Djoser wiring of sign-up, sign-in and sign-out."""
