package org.secrecyguard.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Cfgmgr32;
import com.sun.jna.platform.win32.Cfgmgr32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.SetupApi;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winioctl;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link WindowsDrives} answered by kernel32, SetupAPI and the configuration manager. The volume is
 * matched to its disk by storage device number (IOCTL_STORAGE_GET_DEVICE_NUMBER on {@code \\.\E:} and
 * on each disk interface), then the disk's device node is walked up with CM_Get_Parent. Handles are
 * opened with no access rights, which needs no administrator. Not runnable on Linux: untested here.
 */
final class Win32Drives implements WindowsDrives {
    private static final int SEM_FAILCRITICALERRORS = 0x0001;
    private static final int SEM_NOOPENFILEERRORBOX = 0x8000;
    private static final int FILE_DEVICE_DISK = 7;
    /** Enough for the ancestors of any disk; guards against a cycle in a broken device tree. */
    private static final int MAX_DEPTH = 16;

    @Override
    public List<String> driveRoots() {
        return Kernel32Util.getLogicalDriveStrings();
    }

    @Override
    public int driveType(String root) {
        return Kernel32.INSTANCE.GetDriveType(root);
    }

    @Override
    public Optional<String> volumeLabel(String root) {
        // Without this, an empty card slot or floppy drive pops up "insert a disk" on the user's screen.
        int previous = Kernel32.INSTANCE.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX);
        try {
            char[] name = new char[WinDef.MAX_PATH + 1];
            char[] fileSystem = new char[WinDef.MAX_PATH + 1];
            boolean ok = Kernel32.INSTANCE.GetVolumeInformation(root, name, name.length, null, null, null,
                    fileSystem, fileSystem.length);
            return ok ? Optional.of(Native.toString(name)) : Optional.empty();
        } finally {
            Kernel32.INSTANCE.SetErrorMode(previous);
        }
    }

    @Override
    public List<String> deviceChain(String root) {
        Optional<Winioctl.STORAGE_DEVICE_NUMBER> volume = deviceNumber("\\\\.\\" + root.substring(0, 2));
        if (volume.isEmpty() || volume.get().DeviceType != FILE_DEVICE_DISK) {
            return List.of();
        }
        int devInst = diskDevInst(volume.get().DeviceNumber);
        return devInst == 0 ? List.of() : ancestors(devInst);
    }

    @Override
    public String systemRoot() {
        String drive = System.getenv("SystemDrive");
        return (drive == null || drive.isEmpty() ? "C:" : drive) + "\\";
    }

    /** The device node of the disk interface with this device number, or 0. */
    private static int diskDevInst(int diskNumber) {
        SetupApi setup = SetupApi.INSTANCE;
        WinNT.HANDLE set = setup.SetupDiGetClassDevs(SetupApi.GUID_DEVINTERFACE_DISK, null, null,
                SetupApi.DIGCF_PRESENT | SetupApi.DIGCF_DEVICEINTERFACE);
        if (WinBase.INVALID_HANDLE_VALUE.equals(set)) {
            return 0;
        }
        try {
            SetupApi.SP_DEVICE_INTERFACE_DATA iface = new SetupApi.SP_DEVICE_INTERFACE_DATA();
            iface.cbSize = iface.size();
            for (int i = 0; setup.SetupDiEnumDeviceInterfaces(set, null, SetupApi.GUID_DEVINTERFACE_DISK, i, iface);
                 i++) {
                IntByReference required = new IntByReference();
                setup.SetupDiGetDeviceInterfaceDetail(set, iface, null, 0, required, null);
                if (required.getValue() <= 0) {
                    continue;
                }
                Memory detail = new Memory(required.getValue());
                // SP_DEVICE_INTERFACE_DETAIL_DATA_W: cbSize is that of the fixed part, 8 on 64-bit, 6 on 32-bit.
                detail.setInt(0, Native.POINTER_SIZE == 8 ? 8 : 6);
                SetupApi.SP_DEVINFO_DATA info = new SetupApi.SP_DEVINFO_DATA();
                info.cbSize = info.size();
                if (!setup.SetupDiGetDeviceInterfaceDetail(set, iface, detail, required.getValue(), null, info)) {
                    continue;
                }
                Optional<Winioctl.STORAGE_DEVICE_NUMBER> disk = deviceNumber(detail.getWideString(4));
                if (disk.isPresent() && disk.get().DeviceType == FILE_DEVICE_DISK
                        && disk.get().DeviceNumber == diskNumber) {
                    return info.DevInst;
                }
            }
            return 0;
        } finally {
            setup.SetupDiDestroyDeviceInfoList(set);
        }
    }

    /** Instance ids of a node and its parents, nearest first. */
    private static List<String> ancestors(int devInst) {
        List<String> chain = new ArrayList<>();
        int node = devInst;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            try {
                chain.add(Cfgmgr32Util.CM_Get_Device_ID(node));
            } catch (Cfgmgr32Util.Cfgmgr32Exception e) {
                break;
            }
            IntByReference parent = new IntByReference();
            if (Cfgmgr32.INSTANCE.CM_Get_Parent(parent, node, 0) != Cfgmgr32.CR_SUCCESS) {
                break;
            }
            node = parent.getValue();
        }
        return chain;
    }

    /** The storage device number of a volume or disk path, asked with no access rights. */
    private static Optional<Winioctl.STORAGE_DEVICE_NUMBER> deviceNumber(String devicePath) {
        Kernel32 k = Kernel32.INSTANCE;
        WinNT.HANDLE h = k.CreateFile(devicePath, 0, WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE, null,
                WinNT.OPEN_EXISTING, 0, null);
        if (WinBase.INVALID_HANDLE_VALUE.equals(h)) {
            return Optional.empty();
        }
        try {
            Winioctl.STORAGE_DEVICE_NUMBER number = new Winioctl.STORAGE_DEVICE_NUMBER();
            IntByReference returned = new IntByReference();
            if (!k.DeviceIoControl(h, Winioctl.IOCTL_STORAGE_GET_DEVICE_NUMBER, null, 0, number.getPointer(),
                    number.size(), returned, null)) {
                return Optional.empty();
            }
            number.read();
            return Optional.of(number);
        } finally {
            k.CloseHandle(h);
        }
    }
}
