#!/usr/bin/env python3
"""Registers the benchmark's prepared investors (ids 90000000..), joins them to MMF and EQF and funds
their MMF holding, so the timed run's purchases, balances and sales all succeed. Loopback only."""
import http.client, json, sys

port, token, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}

def post(path, body, expected):
    conn.request("POST", path, json.dumps(body), headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != expected:
        sys.exit(f"prepare: {path} answered {response.status}: {data[:300]!r}")

for k in range(count):
    i = 90000000 + k
    client = f"bench-{i}"
    post("/api/Investors/Register?api-version=2.0", {
        "IDNumber": i, "FirstName": "Bench", "Surname": "Prepared", "DateOfBirth": "1990-01-01",
        "PhoneNumber": f"+2547{i}", "EmailAddress": f"p{i}@example.com", "PIN": "A012345678Z",
        "ClientIdentifier": client,
        "BankAccount": {"Bank": "KCB", "BankBranch": "1", "AccountName": "Bench", "AccountNumber": "1", "Currency": "KES"}}, 201)
    for fund in ("MMF", "EQF"):
        post("/api/UnitTrust/JoinFund?api-version=2.0", {"ClientIdentifier": client, "FundShareClassCode": fund, "IncomeDistributionMode": "2"}, 200)
    post("/api/UnitTrust/PurchaseUnitTrust?api-version=3.0", {
        "ClientIdentifier": client, "FundShareClassCode": "MMF", "PurchaseValue": 1000000.00,
        "PurchaseRequestReference": f"prep-{i}", "PaymentModeCode": "BANK", "PaymentReference": f"prep-{i}"}, 200)
print(f"prepared {count} investors")
