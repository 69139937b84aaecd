-- wrk script: a mixed load of the five Unit Trust operations against the simulator.
-- Weights per 20 requests: 3 register, 3 join, 6 purchase, 5 balance, 3 sell.
-- Needs env: SIM_TOKEN (bearer token), SIM_PREPARED (number of prepared investors, ids 90000000..).

local token = os.getenv("SIM_TOKEN")
local prepared = tonumber(os.getenv("SIM_PREPARED") or "500")
local plan = { "register", "purchase", "balance", "join", "purchase", "sell", "balance", "register", "purchase", "join",
               "balance", "sell", "purchase", "register", "balance", "join", "purchase", "sell", "balance", "purchase" }
-- A join trails its registration by this many registrations, so the investor surely exists by then.
local join_lag = 50

local threads = {}
local next_tid = 1

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local headers
local n, registered, joined = 0, 0, 0
statuses = {}
failures = 0

function init(args)
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

-- SIM_ID_BLOCK keeps the warm-up's and the measured run's new investors apart.
local id_block = tonumber(os.getenv("SIM_ID_BLOCK") or "0")

local function investor_id(i)
  return 10000000 + (id_block + tid) * 1000000 + i
end

local function prepared_client(k)
  local id = 90000000 + (k % prepared)
  return string.format("bench-%d", id)
end

local function post(path, body)
  return wrk.format("POST", path, headers, body)
end

function request()
  n = n + 1
  local op = plan[(n % #plan) + 1]
  if op == "join" and joined + join_lag >= registered then op = "balance" end

  if op == "register" then
    registered = registered + 1
    local id = investor_id(registered)
    return post("/api/Investors/Register?api-version=2.0", string.format(
      '{"IDNumber":%d,"FirstName":"Bench","Surname":"Load","DateOfBirth":"Mar 14, 1991","PhoneNumber":"+2547%d",' ..
      '"EmailAddress":"b%d@example.com","PIN":"A012345678Z","ClientIdentifier":"bench-%d","FundsSourceCode":null,"AgentID":null,' ..
      '"BankAccount":{"Bank":"KCB","BankBranch":"0000001179","AccountName":"Bench Load","AccountNumber":"1234567890","Currency":"KES"}}',
      id, id, id, id))
  elseif op == "join" then
    joined = joined + 1
    return post("/api/UnitTrust/JoinFund?api-version=2.0", string.format(
      '{"ClientIdentifier":"bench-%d","FundShareClassCode":"MMF","IncomeDistributionMode":"2"}', investor_id(joined)))
  elseif op == "purchase" then
    local fund = (n % 2 == 0) and "MMF" or "EQF"
    return post("/api/UnitTrust/PurchaseUnitTrust?api-version=3.0", string.format(
      '{"ClientIdentifier":"%s","FundShareClassCode":"%s","PurchaseValue":1000.00,"PurchaseRequestReference":"P-%d-%d",' ..
      '"PaymentModeCode":"MPESA","PaymentReference":"MP-%d-%d"}', prepared_client(n), fund, tid, n, tid, n))
  elseif op == "sell" then
    return post("/api/UnitTrust/SellUnitTrust?api-version=3.0", string.format(
      '{"ClientIdentifier":"%s","FundShareClassCode":"MMF","SaleValue":10.00,"SaleRequestReference":"S-%d-%d","PaymentModeCode":"MPESA"}',
      prepared_client(n), tid, n))
  else
    return post("/api/UnitTrust/FetchInvestorUnitTrustFunds?api-version=2.0",
      string.format('{"ClientIdentifier":"%s"}', prepared_client(n)))
  end
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 300 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local total_fail = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total_fail = total_fail + thread:get("failures")
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  io.write("----- simulator mixed load -----\n")
  io.write(string.format("requests: %d in %.1f s = %.0f requests/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx answers: %d; socket errors: connect %d, read %d, write %d, timeout %d\n", total_fail,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  for status, count in pairs(by_status) do io.write(string.format("  status %d: %d\n", status, count)) end
end
