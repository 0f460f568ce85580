-- wrk script for bench/search: each request takes the next path of the
-- file named by WRK_PATHS (one path a line), round robin.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
