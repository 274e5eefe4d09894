using System.Text.Json;
using SemLib.Cli;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>One in-process run of the semlib command line: exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = SemLibCli.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the built semlib executable (SemLib.Cli.dll beside the tests, through the dotnet host) as a process, for
    /// what only a process has: signals, its own standard output. <paramref name="started"/> gets the process while it
    /// runs (its standard output is redirected and read unless <paramref name="closeStdout"/>, which closes the pipe at
    /// once so that writing to it fails).
    /// </summary>
    public static CliRun Process(string[] args, Action<System.Diagnostics.Process>? started = null, bool closeStdout = false, int timeoutMs = 120_000)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SemLib.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        Task<string> stdout;
        if (closeStdout)
        {
            p.StandardOutput.Close();
            stdout = Task.FromResult("");
        }
        else
        {
            stdout = p.StandardOutput.ReadToEndAsync();
        }
        started?.Invoke(p);
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"semlib {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }
        return new CliRun(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The lines written to standard error.</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public JsonElement Json() => JsonDocument.Parse(Stdout).RootElement.Clone();

    /// <summary>Asserts an error: the exit code, nothing on standard output, exactly one line on standard error; returns that line.</summary>
    public string AssertOneLineError(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"exit code {ExitCode}, expected {exitCode}; stderr: {Stderr}");
        Assert.Equal("", Stdout);
        Assert.Single(ErrorLines);
        Assert.DoesNotContain("   at ", Stderr);
        return ErrorLines[0];
    }
}

/// <summary>A temporary directory with the files a CLI test needs; deleted on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "semlib-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a reference case's model to model.lav and returns the path.</summary>
    public string Model(ReferenceCase c, string name = "model.lav") => Write(name, c.Model);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is not worth failing a test over.
        }
    }
}
