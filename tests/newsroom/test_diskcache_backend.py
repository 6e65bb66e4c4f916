"""The default cache keeps its SQLite connections across requests."""

from newsroom.diskcache_backend import PersistentDjangoCache


def test_a_finished_request_leaves_the_connection_open(tmp_path):
    cache = PersistentDjangoCache(str(tmp_path), {})
    cache.set("version", 7)
    shard = cache._cache._shards[0]
    connection = shard._con
    cache.close()  # what Django's request_finished receiver calls
    assert shard._con is connection
    assert cache.get("version") == 7
    assert cache.incr("version") == 8
