"""Measuring helpers for the benchmarks (not tests): wall time and peak memory of one job.

Each job runs in a forked child, so its peak resident memory is its own: the figure reported is
the child's high-water mark (ru_maxrss) minus the resident size it started with.
"""
import multiprocessing
import pickle
import resource
import time


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _child(queue, func, args, kwargs):
    start_rss = _current_rss_mb()
    start = time.perf_counter()
    try:
        result = func(*args, **kwargs)
        error = None
    except Exception as exc:  # noqa: BLE001 (reported to the parent, which re-raises it)
        result, error = None, repr(exc)
    seconds = time.perf_counter() - start
    try:
        # The queue pickles in a thread of its own, where a failure is lost and the parent
        # waits for ever: pickle here, so that it is reported.
        pickle.dumps(result)
    except Exception as exc:  # noqa: BLE001 (reported to the parent, which re-raises it)
        result, error = None, f"the result cannot be sent back: {exc!r}"
    queue.put((seconds, max(_peak_rss_mb() - start_rss, 0.0), result, error))


def measure(func, *args, **kwargs):
    """Run ``func(*args, **kwargs)`` in a forked child; (seconds, peak extra MB, result).

    The result must be picklable and small (a summary, not the data).
    """
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue, func, args, kwargs))
    process.start()
    seconds, peak_mb, result, error = queue.get()
    process.join()
    if error:
        raise RuntimeError(f"{getattr(func, '__name__', func)} failed: {error}")
    return seconds, peak_mb, result


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}x" if baseline else "n/a"
