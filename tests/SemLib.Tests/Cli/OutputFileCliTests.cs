using System.Diagnostics;
using System.Runtime.InteropServices;
using SemLib.Cli;

namespace SemLib.Tests.Cli;

/// <summary>
/// Issue 8 (fuzzing), the files semlib writes: --output and --report used to replace whatever was at the path
/// (a symbolic link, a FIFO, a device file when run as root) and to leave hidden temporary files behind when the
/// run was killed. Now a link's target is written (the link stays), a FIFO or character device is written into and
/// never replaced, a block device is refused, and temporary files are removed on failure, on SIGTERM/SIGINT, and
/// (for runs killed outright) by the next run writing the same file.
/// </summary>
public sealed class OutputFileCliTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _pop;

    public OutputFileCliTests() => _pop = _files.Write("pop.lav", "f =~ 0.7*x1 + 0.7*x2 + 0.7*x3\n");

    public void Dispose() => _files.Dispose();

    private string[] Leftovers() => Directory.GetFiles(_files.Root, "*.tmp").Concat(Directory.GetFiles(_files.Root, "*.semlib-*")).ToArray();

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_data()
    {
        var target = _files.Write("target.csv", "old\n");
        var link = Path.Combine(_files.Root, "link.csv");
        File.CreateSymbolicLink(link, "target.csv"); // relative, as ln -s target.csv link.csv
        var run = CliRun.Of("simulate", "--model", _pop, "--n", "5", "--output", link);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("target.csv", new FileInfo(link).LinkTarget);
        Assert.StartsWith("x1,x2,x3", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_dangling_link_gets_its_target_created()
    {
        var link = Path.Combine(_files.Root, "link.csv");
        File.CreateSymbolicLink(link, Path.Combine(_files.Root, "new.csv"));
        Assert.Equal(0, CliRun.Of("simulate", "--model", _pop, "--n", "5", "--output", link).ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("x1,x2,x3", File.ReadAllText(Path.Combine(_files.Root, "new.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_is_written_into_not_replaced()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_files.Root, "pipe.csv");
        Assert.Equal(0, Tool("mkfifo", fifo));
        string received = "";
        var reader = new Thread(() => received = File.ReadAllText(fifo)) { IsBackground = true }; // opening for reading waits for the writer
        reader.Start();
        var run = CliRun.Of("simulate", "--model", _pop, "--n", "5", "--output", fifo);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(reader.Join(30_000), "the reader got nothing");
        Assert.StartsWith("x1,x2,x3", received, StringComparison.Ordinal);
        Assert.Equal(6, received.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Empty(Leftovers());
    }

    /// <summary>
    /// /dev/stdout is a link to /proc/self/fd/1, whose "target" for a pipe is "pipe:[inode]", no path at all: the pipe
    /// itself must get the data (not a file of that name in the working folder).
    /// </summary>
    [Fact]
    public void Output_to_dev_stdout_reaches_the_pipe()
    {
        if (!OperatingSystem.IsLinux()) return;
        var run = CliRun.Process(["simulate", "--model", _pop, "--n", "5", "--output", "/dev/stdout"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("x1,x2,x3", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(6, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>Device nodes can only be made by root (as CI runs); elsewhere this test has nothing to check.</summary>
    [Fact]
    public void A_character_device_is_written_into_and_a_block_device_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        var nul = Path.Combine(_files.Root, "null");
        if (Tool("mknod", nul, "c", "1", "3") != 0) return; // not root: cannot make device nodes
        var run = CliRun.Of("simulate", "--model", _pop, "--n", "5", "--output", nul);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(nul));

        var block = Path.Combine(_files.Root, "disk");
        Assert.Equal(0, Tool("mknod", block, "b", "7", "250"));
        var line = CliRun.Of("simulate", "--model", _pop, "--n", "5", "--output", block).AssertOneLineError(2);
        Assert.Contains("is a block device", line, StringComparison.Ordinal);
        Assert.Equal(FileKind.BlockDevice, FileKinds.Of(block));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file_and_the_old_file_untouched()
    {
        var target = _files.Write("out.csv", "old\n");
        int live = TempOutputs.LiveCount;
        Assert.Throws<IOException>(() => OutputFiles.Write(target, w =>
        {
            w.Write(new string('x', 100_000)); // some of it reaches the temporary file
            throw new IOException("disk full");
        }));
        Assert.Equal("old\n", File.ReadAllText(target));
        Assert.Empty(Leftovers());
        Assert.Equal(live, TempOutputs.LiveCount);
    }

    [Fact]
    public void A_killed_runs_stale_temporary_file_is_removed_by_the_next_write()
    {
        var output = Path.Combine(_files.Root, "out.csv");
        // PID 2147483600 is not running (Linux PIDs stop at 2^22); the file is an hour old: a leftover of a SIGKILL.
        var stale = _files.Write(".out.csv.semlib-2147483600-0123abcd.tmp", "half");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        // This process is running: its temporary file is in use, whatever its age.
        var live = _files.Write($".out.csv.semlib-{Environment.ProcessId}-4567cdef.tmp", "in use");
        File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-1));
        // A dead run's recent file is left alone (it may belong to a run in another PID namespace, still writing).
        var recent = _files.Write(".out.csv.semlib-2147483601-89abcdef.tmp", "recent");
        Assert.Equal(0, CliRun.Of("simulate", "--model", _pop, "--n", "5", "--output", output).ExitCode);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(recent));
    }

    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(2)] // SIGINT, as Ctrl+C
    public void A_stopped_simulate_removes_its_temporary_file(int signal)
    {
        if (!OperatingSystem.IsLinux()) return;
        var output = Path.Combine(_files.Root, "big.csv");
        bool sent = false;
        // 3 million rows of three variables: about 170 MB of CSV, seconds of writing to stop in the middle of.
        var run = CliRun.Process(["simulate", "--model", _pop, "--n", "3000000", "--output", output], p =>
        {
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (Directory.GetFiles(_files.Root, ".big.csv.semlib-*.tmp").Length > 0)
                {
                    Thread.Sleep(50); // well into the writing
                    sent = Kill(p.Id, signal) == 0;
                    break;
                }
                Thread.Sleep(5);
            }
        });
        Assert.True(sent, $"the temporary file never appeared or the signal could not be sent; exit {run.ExitCode}: {run.Stderr}");
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(output), "a stopped run must not leave a (partial) output");
        Assert.Empty(Leftovers());
    }

    private static int Tool(string name, params string[] args)
    {
        var psi = new ProcessStartInfo(name) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
