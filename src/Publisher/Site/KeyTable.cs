using System.Collections;
using System.Numerics;

namespace Handbook.Publisher.Site;

/// <summary>
/// A table from Chinese term keys (see <see cref="TermCounts"/>; never 0, the high half is a Chinese character) to a
/// number, by open addressing: linear probing, a power-of-two size, at most half full. Counting some fifteen million
/// bigrams and gathering their postings is most of the search index's work; Dictionary&lt;int, int&gt; took about
/// twice as long.
/// </summary>
internal sealed class KeyTable : IEnumerable<(int Key, int Value)>
{
    private int[] _keys = new int[4096]; // 0 marks an empty slot
    private int[] _values = new int[4096];
    private int[] _used = new int[2048]; // the slots in use, so that listing and emptying skip the empty ones

    public int Count { get; private set; }

    /// <summary>The key's value, added as 0 when the key is new (like CollectionsMarshal.GetValueRefOrAddDefault).</summary>
    public ref int ValueRef(int key)
    {
        var mask = _keys.Length - 1;
        for (var slot = Home(key, _keys.Length); ; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key) return ref _values[slot];
            if (_keys[slot] != 0) continue;
            if ((Count + 1) * 2 > _keys.Length)
            {
                Grow();
                return ref ValueRef(key);
            }
            (_keys[slot], _values[slot], _used[Count++]) = (key, 0, slot);
            return ref _values[slot];
        }
    }

    public IEnumerator<(int Key, int Value)> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return (_keys[_used[i]], _values[_used[i]]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Clear()
    {
        for (var i = 0; i < Count; i++) _keys[_used[i]] = 0;
        Count = 0;
    }

    /// <summary>Fibonacci hashing: the top bits of the key times 2^32/φ, so keys differing only in their low half spread too.</summary>
    private static int Home(int key, int size) => (int)((uint)key * 2654435769u >> (32 - BitOperations.Log2((uint)size)));

    private void Grow()
    {
        var (keys, values, used, count) = (_keys, _values, _used, Count);
        (_keys, _values, _used, Count) = (new int[keys.Length * 2], new int[keys.Length * 2], new int[keys.Length], 0);
        var mask = _keys.Length - 1;
        for (var i = 0; i < count; i++)
        {
            var slot = Home(keys[used[i]], _keys.Length);
            while (_keys[slot] != 0) slot = (slot + 1) & mask;
            (_keys[slot], _values[slot], _used[Count++]) = (keys[used[i]], values[used[i]], slot);
        }
    }
}
