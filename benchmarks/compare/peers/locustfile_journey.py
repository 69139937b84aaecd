"""Locust side of the journey comparison: one token per user, then register, join, purchase, balance
and sale with data unique to each iteration, against the simulator or the raw target.

compare.sh passes PERF_CLIENT_ID and PERF_CLIENT_SECRET (generated per run). Iterations per second
is the rate of the "sale" row, the last call of each iteration.
"""
import itertools
import os
import random

from locust import FastHttpUser, constant, task

CLIENT_ID = os.environ.get("PERF_CLIENT_ID", "unittrust-load")
CLIENT_SECRET = os.environ["PERF_CLIENT_SECRET"]
# One process, gevent users: a plain counter is unique across users. The offset keeps
# identifiers apart from anything else in the same simulator database.
SEQUENCE = itertools.count(int(os.environ.get("PERF_ID_OFFSET", "0")))


class JourneyUser(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        answer = self.client.post(
            "/core/connect/token",
            data={
                "grant_type": "client_credentials",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "scope": "innovaSuiteApi",
            },
            name="token",
        )
        self.headers = {"Authorization": "Bearer " + answer.json()["access_token"]}

    @task
    def journey(self):
        n = next(SEQUENCE)
        id_number = 10_000_000 + n
        phone = "+2547%08d" % n
        client = "%s-%d" % (phone, id_number)
        self.client.post("/api/Investors/Register?api-version=2.0", name="register", headers=self.headers, json={
            "IDNumber": id_number, "FirstName": "Amina", "Surname": "Otieno",
            "DateOfBirth": "Mar 14, 1991", "PhoneNumber": phone,
            "EmailAddress": "investor%d@example.com" % n, "PIN": "A%09dZ" % n,
            "ClientIdentifier": client, "FundsSourceCode": None, "AgentID": None,
            "BankAccount": {"Bank": "KENYA COMMERCIAL BANK LTD", "BankBranch": "0000001179",
                            "AccountName": "Amina Otieno", "AccountNumber": "%010d" % n, "Currency": "KES"},
        })
        self.client.post("/api/UnitTrust/JoinFund?api-version=2.0", name="join", headers=self.headers, json={
            "ClientIdentifier": client, "FundShareClassCode": "MMF", "IncomeDistributionMode": "2",
        })
        self.client.post("/api/UnitTrust/PurchaseUnitTrust?api-version=3.0", name="purchase", headers=self.headers, json={
            "ClientIdentifier": client, "FundShareClassCode": "MMF",
            "PurchaseValue": float(random.randint(10, 1000) * 100),
            "PurchaseRequestReference": "P-%d" % n, "PaymentModeCode": "MPESA", "PaymentReference": "MP%d" % n,
        })
        self.client.post("/api/UnitTrust/FetchInvestorUnitTrustFunds?api-version=2.0", name="balance",
                         headers=self.headers, json={"ClientIdentifier": client})
        self.client.post("/api/UnitTrust/SellUnitTrust?api-version=3.0", name="sale", headers=self.headers, json={
            "ClientIdentifier": client, "FundShareClassCode": "MMF", "SaleValue": 500.00,
            "SaleRequestReference": "S-%d" % n, "PaymentModeCode": "MPESA",
        })
