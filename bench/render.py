# A small ray tracer: spheres and planes, several coloured point lights, hard shadows,
# mirror reflections of bounded depth and a checkerboard floor, seen through a pinhole camera.
#
# Usage: render.py [--threads N] [--pool queue|threads] [WIDTH HEIGHT [OUT.ppm]]
#        (defaults: 1 thread, queue, 160 120)
# Prints an integer checksum of the quantised pixels (identical under every conforming VM:
# only +, -, *, /, sqrt and floor are used on floats, so results are bit-exact) and, given
# a path, writes the image as a plain-text PPM (P3).
#
# render_rows(scene, y0, y1) is a pure function of its arguments, so rows can be rendered
# independently. Each row is one task; its pixels go into its own Band object (no two tasks
# write the same object, so under STM they do not conflict), and the checksum is taken over
# the bands in row order, so it does not depend on the thread count.
#   --pool queue    (default) the rows are tasks of a transaction.TransactionQueue run on N
#                   threads; each task runs inside `with atomic:` (lib/stm.py).
#   --pool threads  N plain threading.Threads, thread i rendering rows i, i+N, ...; no
#                   atomic blocks.
# The option may also be written --threads=N.
import math
import sys

EPSILON = 1e-6
MAX_DEPTH = 4
CHECKSUM_MODULUS = 1000000007


class Vec:
    """A 3-vector used for points, directions and RGB colours."""

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def __repr__(self):
        return "Vec(%r, %r, %r)" % (self.x, self.y, self.z)


BLACK = Vec(0.0, 0.0, 0.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin.add(self.direction.scale(t))


class Material:
    """Surface response: Phong diffuse/specular plus a mirror fraction.

    `shine_squarings` is the specular exponent as a number of squarings (exponent 2**n),
    which keeps the arithmetic exact and avoids pow().
    """

    def __init__(self, color, diffuse, specular, shine_squarings, mirror, checker_color=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shine_squarings = shine_squarings
        self.mirror = mirror
        self.checker_color = checker_color

    def color_at(self, point):
        if self.checker_color is None:
            return self.color
        cell = int(math.floor(point.x)) + int(math.floor(point.z))
        if cell % 2 == 0:
            return self.color
        return self.checker_color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        """Distance along `ray` to the nearest hit in front of its origin, or -1.0."""
        oc = ray.origin.sub(self.center)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return -1.0

    def normal_at(self, point):
        return point.sub(self.center).scale(1.0 / self.radius)


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if -EPSILON < denom < EPSILON:
            return -1.0
        t = self.point.sub(ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return -1.0

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    """Pinhole camera; `half_width` is tan(fov/2), given directly to avoid trigonometry."""

    def __init__(self, eye, target, up, half_width, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        forward = target.sub(eye).normalized()
        right = forward.cross(up).normalized()
        true_up = right.cross(forward)
        aspect = height / width
        self.forward = forward
        self.right = right.scale(half_width)
        self.up = true_up.scale(half_width * aspect)

    def ray_for(self, px, py):
        sx = (2.0 * (px + 0.5) / self.width) - 1.0
        sy = 1.0 - (2.0 * (py + 0.5) / self.height)
        direction = self.forward.add(self.right.scale(sx)).add(self.up.scale(sy))
        return Ray(self.eye, direction.normalized())


class Scene:
    def __init__(self, camera, objects, lights, ambient):
        self.camera = camera
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest_hit(self, ray):
        best_t = -1.0
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t > 0.0 and (best is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if 0.0 < t < distance:
                return True
        return False

    def sky(self, direction):
        k = 0.5 * (direction.y + 1.0)
        return Vec(0.9 - 0.5 * k, 0.95 - 0.3 * k, 1.0)


def trace(scene, ray, depth):
    """Colour seen along `ray`, following mirror reflections up to MAX_DEPTH bounces."""
    obj, t = scene.nearest_hit(ray)
    if obj is None:
        return scene.sky(ray.direction)
    point = ray.at(t)
    normal = obj.normal_at(point)
    if normal.dot(ray.direction) > 0.0:
        normal = normal.scale(-1.0)
    material = obj.material
    base = material.color_at(point)
    lifted = point.add(normal.scale(1e-4))

    color = base.mul(scene.ambient)
    for light in scene.lights:
        to_light = light.position.sub(lifted)
        distance = to_light.length()
        to_light = to_light.scale(1.0 / distance)
        lambert = normal.dot(to_light)
        if lambert <= 0.0 or scene.in_shadow(lifted, to_light, distance):
            continue
        color = color.add(base.mul(light.color).scale(lambert * material.diffuse))
        # Phong highlight: reflect the light direction about the normal.
        reflected = normal.scale(2.0 * lambert).sub(to_light)
        facing = -reflected.dot(ray.direction)
        if facing > 0.0 and material.specular > 0.0:
            for _ in range(material.shine_squarings):
                facing = facing * facing
            color = color.add(light.color.scale(facing * material.specular))

    if material.mirror > 0.0 and depth < MAX_DEPTH:
        d = ray.direction
        bounce = d.sub(normal.scale(2.0 * d.dot(normal)))
        seen = trace(scene, Ray(lifted, bounce), depth + 1)
        color = color.scale(1.0 - material.mirror).add(seen.scale(material.mirror))
    return color


def quantize(c):
    """Clamps a channel to [0, 1] and maps it to 0..255."""
    if c <= 0.0:
        return 0
    if c >= 1.0:
        return 255
    return int(c * 255.0 + 0.5)


def render_rows(scene, y0, y1):
    """Rows y0..y1-1 of the image, each a list of (r, g, b) integer tuples."""
    camera = scene.camera
    rows = []
    for y in range(y0, y1):
        row = []
        for x in range(camera.width):
            c = trace(scene, camera.ray_for(x, y), 0)
            row.append((quantize(c.x), quantize(c.y), quantize(c.z)))
        rows.append(row)
    return rows


def make_scene(width, height):
    floor = Material(Vec(0.9, 0.9, 0.9), 0.8, 0.1, 3, 0.25, Vec(0.15, 0.15, 0.2))
    wall = Material(Vec(0.6, 0.7, 0.9), 0.9, 0.0, 0, 0.0)
    red = Material(Vec(0.9, 0.2, 0.15), 0.8, 0.5, 5, 0.1)
    green = Material(Vec(0.2, 0.8, 0.3), 0.7, 0.3, 4, 0.0)
    blue = Material(Vec(0.2, 0.3, 0.9), 0.6, 0.6, 6, 0.3)
    mirror = Material(Vec(0.95, 0.95, 0.95), 0.1, 0.9, 7, 0.85)
    gold = Material(Vec(0.9, 0.7, 0.2), 0.7, 0.7, 5, 0.4)
    objects = [
        Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor),
        Plane(Vec(0.0, 0.0, -12.0), Vec(0.0, 0.0, 1.0), wall),
        Sphere(Vec(-2.2, 1.0, -3.0), 1.0, red),
        Sphere(Vec(0.0, 1.5, -4.5), 1.5, mirror),
        Sphere(Vec(2.4, 0.8, -2.5), 0.8, blue),
        Sphere(Vec(1.0, 0.4, -1.2), 0.4, green),
        Sphere(Vec(-0.9, 0.3, -1.0), 0.3, gold),
    ]
    lights = [
        Light(Vec(-5.0, 8.0, 3.0), Vec(0.7, 0.65, 0.6)),
        Light(Vec(6.0, 5.0, 1.0), Vec(0.35, 0.4, 0.5)),
        Light(Vec(0.0, 3.0, -1.0), Vec(0.25, 0.2, 0.15)),
    ]
    camera = Camera(Vec(0.0, 2.0, 4.0), Vec(0.0, 1.0, -3.0), Vec(0.0, 1.0, 0.0), 0.6,
                    width, height)
    return Scene(camera, objects, lights, Vec(0.12, 0.12, 0.14))


def checksum(rows):
    total = 0
    for row in rows:
        for r, g, b in row:
            total = (total * 31 + (r << 16 | g << 8 | b)) % CHECKSUM_MODULUS
    return total


def write_ppm(path, rows, width, height):
    out = open(path, "w")
    out.write("P3\n%d %d\n255\n" % (width, height))
    for row in rows:
        out.write(" ".join(["%d %d %d" % px for px in row]))
        out.write("\n")
    out.close()


class Band:
    """Rows y0..y1-1 of the image; `rows` is filled in by whichever thread renders it."""

    def __init__(self, scene, y0, y1):
        self.scene = scene
        self.y0 = y0
        self.y1 = y1
        self.rows = None

    def render(self):
        self.rows = render_rows(self.scene, self.y0, self.y1)


def render_bands_queue(bands, nthreads):
    try:
        import transaction
    except ImportError:
        # Run directly by CPython or PyPy: lib/ holds stm.py and transaction.py. Appended
        # last, so it cannot shadow the standard library.
        import os
        sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
        import transaction
    queue = transaction.TransactionQueue()
    for band in bands:
        queue.add(band.render)
    queue.run(nthreads)


def render_bands_threads(bands, nthreads):
    def worker(first):
        for i in range(first, len(bands), nthreads):
            bands[i].render()

    if nthreads == 1:
        worker(0)
        return
    import threading
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def parse_args(argv):
    nthreads = 1
    pool = "queue"
    positional = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--threads" or arg == "--pool":
            if i + 1 >= len(argv):
                raise SystemExit("render: %s needs a value" % arg)
            value = argv[i + 1]
            i += 2
        elif arg.startswith("--threads=") or arg.startswith("--pool="):
            arg, value = arg.split("=", 1)
            i += 1
        else:
            positional.append(arg)
            i += 1
            continue
        if arg == "--threads":
            nthreads = int(value)
        else:
            pool = value
    if nthreads < 1:
        raise SystemExit("render: --threads must be at least 1")
    if pool != "queue" and pool != "threads":
        raise SystemExit("render: --pool must be queue or threads, not %r" % pool)
    return nthreads, pool, positional


def main():
    nthreads, pool, positional = parse_args(sys.argv[1:])
    width, height = 160, 120
    if len(positional) > 1:
        width = int(positional[0])
        height = int(positional[1])
    scene = make_scene(width, height)
    bands = [Band(scene, y, y + 1) for y in range(height)]
    if pool == "queue":
        render_bands_queue(bands, nthreads)
    else:
        render_bands_threads(bands, nthreads)
    rows = []
    for band in bands:
        if band.rows is None:
            raise RuntimeError("render: rows %d..%d were not rendered" % (band.y0, band.y1))
        rows.extend(band.rows)
    print("render: %dx%d checksum %d" % (width, height, checksum(rows)))
    if len(positional) > 2:
        write_ppm(positional[2], rows, width, height)


if __name__ == "__main__":
    main()
