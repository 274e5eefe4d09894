using System.Runtime.InteropServices;

namespace SemLib.Cli;

/// <summary>
/// What is at a path, as far as writing an output file is concerned. .NET's file APIs tell directories and symbolic
/// links from other entries but not a FIFO or a device from a regular file, which is what decides whether an output
/// may be replaced by a rename (<see cref="OutputFiles"/>); on Linux that comes from statx(2), whose buffer layout
/// is the same on every architecture. Elsewhere (or where statx is missing) anything that is not a directory is
/// taken for a regular file.
/// </summary>
internal enum FileKind
{
    /// <summary>Nothing is there (or a dangling symbolic link's target).</summary>
    None,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>Reads the <see cref="FileKind"/> of a path.</summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const int InoOffset = 32; // after stx_mode (u16) and a u16 of padding
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32), stx_mode (u16)

    private static bool _statxMissing;

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            var buffer = new byte[256];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                    return Marshal.GetLastPInvokeError() == 2 /* ENOENT */ ? FileKind.None : Fallback(path);
                int mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
                return mode switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0x1000 => FileKind.Fifo,
                    0x2000 => FileKind.CharacterDevice,
                    0x6000 => FileKind.BlockDevice,
                    0xC000 => FileKind.Socket,
                    _ => FileKind.Regular,
                };
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _statxMissing = true;
            }
        }
        return Fallback(path);
    }

    /// <summary>The inode number of what <paramref name="path"/> names, or null where statx cannot tell.</summary>
    public static ulong? Inode(string path) => InodeOf(AtFdCwd, path, 0);

    /// <summary>The inode number of an open file, or null where statx cannot tell.</summary>
    public static ulong? Inode(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return InodeOf((int)handle.DangerousGetHandle(), "", AtEmptyPath);
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static ulong? InodeOf(int dirfd, string path, int flags)
    {
        if (!OperatingSystem.IsLinux() || _statxMissing) return null;
        var buffer = new byte[256];
        try
        {
            return Statx(dirfd, path, flags, StatxIno, buffer) == 0 ? BitConverter.ToUInt64(buffer, InoOffset) : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
    }

    /// <summary>How the kind reads in a message: "a FIFO", "a block device".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.None => "missing",
        _ => "a regular file",
    };

    private static FileKind Fallback(string path) =>
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.None;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
