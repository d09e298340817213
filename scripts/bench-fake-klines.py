# Local stand-in for GET /api/v3/klines: hourly candles of 2023-01-01 .. 2025-01-01 (17,544 hours), no gaps.
import http.server, json, urllib.parse, sys
T0 = 1672531200000  # 2023-01-01T00:00:00Z
N = 17544
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
        start, end, limit = int(q['startTime']), int(q['endTime']), int(q['limit'])
        first = max(0, -(-(start - T0) // 3600000))
        rows = []
        h = first
        while h < N and len(rows) < limit:
            t = T0 + h * 3600000
            if t > end: break
            o = 20000 + (h % 500)
            rows.append([t, "%.8f" % o, "%.8f" % (o + 30), "%.8f" % (o - 30), "%.8f" % (o + 1), "12.50000000", t + 3599999, "0", 10, "0", "0", "0"])
            h += 1
        b = json.dumps(rows).encode()
        self.send_response(200); self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(b))); self.end_headers(); self.wfile.write(b)
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
