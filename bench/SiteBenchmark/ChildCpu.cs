using System.Runtime.InteropServices;

namespace Handbook.SiteBenchmark;

/// <summary>
/// CPU time (user + system) used by this process's finished child processes (Linux getrusage). The machine
/// is shared, so wall time alone says little; CPU time says how much work each build did.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs this program does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);

    public static double Seconds()
    {
        if (getrusage(RusageChildren, out var usage) != 0) throw new InvalidOperationException("getrusage failed");
        return usage.UserSeconds + usage.SystemSeconds + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6;
    }
}
