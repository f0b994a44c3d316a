package io.campaignkit.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public API of one module as sorted text lines: every public type of its packages exported to
 * everyone (qualified exports and {@code internal} packages are not API), with its public and protected
 * constructors, methods and fields. One line per type and per member, so that a diff of two listings
 * shows exactly what changed; a line that is gone is an incompatible change.
 */
record ApiListing(String moduleName, List<String> lines) {

    /** The listings of the CampaignKit modules on the class path, by module name. */
    static TreeMap<String, ApiListing> ofClassPath() {
        TreeMap<String, ApiListing> listings = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            for (ModuleReference module : ModuleFinder.of(path).findAll()) {
                ModuleDescriptor descriptor = module.descriptor();
                if (descriptor.name().startsWith("io.campaignkit.") && !descriptor.isAutomatic()) {
                    listings.put(descriptor.name(), of(module));
                }
            }
        }
        return listings;
    }

    private static ApiListing of(ModuleReference module) {
        Set<String> exported = module.descriptor().exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        try (var reader = module.open()) {
            List<String> classNames = reader.list()
                    .filter(name -> name.endsWith(".class"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
                    .filter(name -> exported.contains(name.substring(0, name.lastIndexOf('.'))))
                    .sorted()
                    .toList();
            for (String className : classNames) {
                Class<?> type = Class.forName(className, false, ApiListing.class.getClassLoader());
                if (isApi(type)) {
                    lines.addAll(describe(type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return new ApiListing(module.descriptor().name(), lines);
    }

    /** Public, and so are all its enclosing types; not anonymous, local or synthetic. */
    private static boolean isApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> describe(Class<?> type) {
        String name = type.getName();
        List<String> lines = new ArrayList<>();
        lines.add(name + " " + header(type));
        TreeSet<String> members = new TreeSet<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                members.add(clean(constructor.toGenericString()));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                members.add(clean(method.toGenericString()));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && !field.isSynthetic()) {
                members.add(clean(field.toGenericString()));
            }
        }
        members.forEach(member -> lines.add(name + " :: " + member));
        return lines;
    }

    private static String header(Class<?> type) {
        StringBuilder header = new StringBuilder();
        int modifiers = type.getModifiers() & ~Modifier.INTERFACE;
        if (type.isInterface()) {
            modifiers &= ~Modifier.ABSTRACT;
        }
        if (type.isRecord() || type.isEnum()) {
            modifiers &= ~(Modifier.FINAL | Modifier.STATIC);
        }
        header.append(Modifier.toString(modifiers));
        if (type.isSealed()) {
            header.append(" sealed");
        }
        header.append(
                type.isAnnotation()
                        ? " @interface"
                        : type.isInterface()
                                ? " interface"
                                : type.isRecord() ? " record" : type.isEnum() ? " enum" : " class");
        if (type.getGenericSuperclass() != null
                && !type.isEnum()
                && !type.isRecord()
                && type.getSuperclass() != Object.class) {
            header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            header.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(type.getGenericInterfaces())
                            .map(java.lang.reflect.Type::getTypeName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            header.append(" permits ")
                    .append(Arrays.stream(type.getPermittedSubclasses())
                            .map(Class::getName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return header.toString().strip();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Drops the modifiers that do not change what a caller or an implementer may rely on. */
    private static String clean(String member) {
        return member.replaceAll("\\b(synchronized|native|strictfp|transient|volatile) ", "");
    }
}
