using System.Diagnostics;
using System.Reflection;
using SemLib.Tests.Support;

namespace SemLib.Tests.Packaging;

/// <summary>
/// The NuGet packages work as a user gets them: SemLib and SemLib.Cli are packed into a local folder feed (with a
/// version unique to this run, so no cached package is reused), a new console project restores SemLib from that feed
/// and fits a model, and the semlib tool is installed from the feed and asked for its version.
/// </summary>
public sealed class PackagingTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SemLib.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SemLib.sln not found above the test directory.");
    }

    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] args) => Run("dotnet", workingDirectory, args);

    private static (int Code, string Output) Run(string program, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) p.Kill(true);
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The README's <c>```csharp</c> blocks with the line each starts on.</summary>
    private static List<(int Line, string Code)> ReadmeCSharpBlocks()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var blocks = new List<(int, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].Trim() != "```") end++;
            blocks.Add((start + 1, string.Join("\n", lines[start..end])));
            i = end;
        }
        return blocks;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    [Fact]
    public void Packed_library_and_tool_work_from_a_local_feed()
    {
        string configuration = typeof(PackagingTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string version = $"0.1.0-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";
        var work = Directory.CreateTempSubdirectory("semlib-pack-");
        string packages = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        try
        {
            string feed = Path.Combine(work.FullName, "feed");
            foreach (var project in new[] { "src/SemLib/SemLib.csproj", "src/SemLib.Cli/SemLib.Cli.csproj" })
            {
                var (code, output) = Dotnet(Root, "pack", project, "-c", configuration, "-o", feed, $"-p:Version={version}");
                Assert.True(code == 0, $"dotnet pack {project} failed:\n{output}");
            }
            Assert.True(File.Exists(Path.Combine(feed, $"SemLib.{version}.nupkg")));
            Assert.True(File.Exists(Path.Combine(feed, $"SemLib.{version}.snupkg")), "symbol package");

            // A consumer project that knows SemLib only as a package from the feed.
            string consumer = Path.Combine(work.FullName, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(work.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
                  <ItemGroup><PackageReference Include="SemLib" Version="{version}" /></ItemGroup>
                </Project>
                """);
            File.Copy(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv"), Path.Combine(consumer, "hs.csv"));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using SemLib;
                using SemLib.Data;
                var fit = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", DataSet.ReadCsv("hs.csv"));
                Console.WriteLine(FormattableString.Invariant($"chisq={fit.FitMeasures["chisq"]:F3} cfi={fit.FitMeasures["cfi"]:F3}"));
                """);
            var (runCode, runOutput) = Dotnet(consumer, "run", "-c", "Release");
            Assert.True(runCode == 0, $"the consumer failed:\n{runOutput}");
            // lavaan 0.6.14 on hs-cfa: chisq 85.306, cfi 0.931 (Reference/lavaan/hs-cfa/case.json)
            Assert.Contains("chisq=85.306 cfi=0.931", runOutput);

            // Every C# block of the README, run as a user pastes it: a program of its own against the packaged library,
            // from a folder that holds the repository's examples/ (the README says its snippets read from there).
            CopyDirectory(Path.Combine(Root, "examples"), Path.Combine(consumer, "examples"));
            var snippets = ReadmeCSharpBlocks();
            Assert.True(snippets.Count >= 2, "the README's C# blocks were not found");
            var outputs = new List<string>();
            foreach (var (line, code) in snippets)
            {
                File.WriteAllText(Path.Combine(consumer, "Program.cs"), code);
                var (snippetCode, snippetOutput) = Dotnet(consumer, "run", "-c", "Release");
                Assert.True(snippetCode == 0, $"the README's C# block at line {line} failed:\n{snippetOutput}");
                Assert.DoesNotContain("Exception", snippetOutput);
                outputs.Add(snippetOutput);
            }
            // The first block prints the HS CFA's χ²(24) and CFI; lavaan 0.6.14: 85.306 and 0.931 (Reference/lavaan/hs-cfa).
            Assert.Contains("= 85.31, CFI = 0.931", outputs[0]);

            // The tool, installed from the same feed.
            string tools = Path.Combine(work.FullName, "tools");
            var (installCode, installOutput) = Dotnet(work.FullName, "tool", "install", "SemLib.Cli", "--tool-path", tools, "--version", version, "--add-source", feed);
            Assert.True(installCode == 0, $"dotnet tool install failed:\n{installOutput}");
            var psi = new ProcessStartInfo(Path.Combine(tools, OperatingSystem.IsWindows() ? "semlib.exe" : "semlib"), "--version") { RedirectStandardOutput = true };
            using var semlib = Process.Start(psi)!;
            string printed = semlib.StandardOutput.ReadToEnd();
            semlib.WaitForExit();
            Assert.Equal(0, semlib.ExitCode);
            Assert.StartsWith(version, printed.Trim());

            // The installed tool fits the HS CFA (lavaan 0.6.14: chisq 85.306 on 24 df, Reference/lavaan/hs-cfa/case.json).
            var (fitCode, fitOut) = Run(psi.FileName, Root, "fit", "--model", "examples/hs-cfa.lav", "--data", "examples/hs.csv");
            Assert.True(fitCode == 0, $"the installed tool's fit failed:\n{fitOut}");
            Assert.Matches(@"Test statistic\s+85\.306", fitOut);
            Assert.Matches(@"Degrees of freedom\s+24", fitOut);

            // The tool is RID-specific (SemLib.Cli.csproj): a pointer package, a precompiled package for linux-x64 (fast
            // start-up) and a portable fallback "any" for every other platform; on linux-x64 install picks the
            // precompiled one. Packed on linux-x64 with a C toolchain it is Native AOT: one native executable and no
            // managed assembly left to JIT; without one, its assemblies carry ReadyToRun code (a managed native header).
            foreach (var rid in new[] { "linux-x64", "any" })
                Assert.True(File.Exists(Path.Combine(feed, $"SemLib.Cli.{rid}.{version}.nupkg")), $"tool package for {rid}");
            string store = Path.Combine(tools, ".store", "semlib.cli", version);
            if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
            {
                bool toolchain = new[] { "/usr/bin/clang", "/usr/bin/gcc", "/usr/local/bin/clang", "/usr/local/bin/gcc" }.Any(File.Exists);
                string package = Path.Combine(store, "semlib.cli.linux-x64", version, "tools");
                if (toolchain)
                {
                    string toolDir = Path.Combine(package, "any", "linux-x64");
                    byte[] head = new byte[4];
                    using (var exe = File.OpenRead(Path.Combine(toolDir, "SemLib.Cli"))) exe.ReadExactly(head);
                    Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, head);
                    Assert.Empty(Directory.GetFiles(toolDir, "*.dll"));
                    Assert.False(Directory.Exists(Path.Combine(package, "net10.0")), "the linux-x64 tool package is not Native AOT");
                }
                else
                {
                    string toolDir = Path.Combine(package, "net10.0", "linux-x64");
                    foreach (var dll in new[] { "SemLib.Cli.dll", "SemLib.dll" })
                    {
                        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Path.Combine(toolDir, dll)));
                        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{dll} of the installed tool is not ReadyToRun");
                    }
                }
            }
        }
        finally
        {
            work.Delete(true);
            foreach (var id in new[] { "semlib", "semlib.cli", "semlib.cli.linux-x64", "semlib.cli.any" })
            {
                var cached = Path.Combine(packages, id, version);
                if (Directory.Exists(cached)) Directory.Delete(cached, true);
            }
        }
    }
}
