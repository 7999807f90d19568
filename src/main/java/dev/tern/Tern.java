package dev.tern;

/** Tern's command line. (Skeleton: the app work fills it in.) */
public final class Tern {

    private Tern() {}

    public static void main(String[] args) {
        System.out.println("tern");
    }
}
