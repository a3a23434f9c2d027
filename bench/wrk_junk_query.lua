-- wrk script: every request carries new tracking and random parameters (as newsletter links and
-- cache busters do), on top of wrk_report.lua's JSON summary.
dofile("bench/wrk_report.lua")

counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?utm_source=lettre" .. counter .. "&fbclid=" .. math.random(1e9) ..
    "&r=" .. math.random(1e9))
end
