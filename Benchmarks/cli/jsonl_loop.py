"""The JSON Lines loop the Python sides of `bayan-bench cli` share: one answer per request line,
with the CPU seconds spent inside the tool's own work summed and printed on stderr at the end."""
import json
import sys
import time


def serve(work, answer, seconds_key):
    """`work(request)` is the tool's own work (timed); `answer(request, result)` the answer object."""
    inside = 0.0
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        started = time.process_time()
        result = work(request)
        inside += time.process_time() - started
        out.write(json.dumps(answer(request, result), ensure_ascii=False) + "\n")
    out.flush()
    print(json.dumps({seconds_key: inside}), file=sys.stderr)
