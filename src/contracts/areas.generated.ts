// Generated from data/areas.json by scripts/build-areas-vocabulary.ts: do not edit.
export interface AreaName {
  slug: string;
  name: string;
}
export interface BoroughArea extends AreaName {
  neighborhoods: readonly AreaName[];
}

export const BOROUGHS: readonly BoroughArea[] = [
  {
    slug: 'bronx',
    name: 'Bronx',
    neighborhoods: [
      {
        slug: 'riverdale',
        name: 'Riverdale',
      },
      {
        slug: 'kingsbridge',
        name: 'Kingsbridge',
      },
      {
        slug: 'fordham',
        name: 'Fordham',
      },
      {
        slug: 'belmont',
        name: 'Belmont',
      },
      {
        slug: 'mott-haven',
        name: 'Mott Haven',
      },
      {
        slug: 'hunts-point',
        name: 'Hunts Point',
      },
      {
        slug: 'pelham-bay',
        name: 'Pelham Bay',
      },
      {
        slug: 'throggs-neck',
        name: 'Throggs Neck',
      },
      {
        slug: 'morris-park',
        name: 'Morris Park',
      },
      {
        slug: 'parkchester',
        name: 'Parkchester',
      },
      {
        slug: 'concourse',
        name: 'Concourse',
      },
      {
        slug: 'norwood',
        name: 'Norwood',
      },
      {
        slug: 'city-island',
        name: 'City Island',
      },
      {
        slug: 'co-op-city',
        name: 'Co-op City',
      },
      {
        slug: 'wakefield',
        name: 'Wakefield',
      },
    ],
  },
  {
    slug: 'brooklyn',
    name: 'Brooklyn',
    neighborhoods: [
      {
        slug: 'park-slope',
        name: 'Park Slope',
      },
      {
        slug: 'williamsburg',
        name: 'Williamsburg',
      },
      {
        slug: 'bushwick',
        name: 'Bushwick',
      },
      {
        slug: 'bedford-stuyvesant',
        name: 'Bedford-Stuyvesant',
      },
      {
        slug: 'crown-heights',
        name: 'Crown Heights',
      },
      {
        slug: 'prospect-heights',
        name: 'Prospect Heights',
      },
      {
        slug: 'fort-greene',
        name: 'Fort Greene',
      },
      {
        slug: 'clinton-hill',
        name: 'Clinton Hill',
      },
      {
        slug: 'brooklyn-heights',
        name: 'Brooklyn Heights',
      },
      {
        slug: 'dumbo',
        name: 'DUMBO',
      },
      {
        slug: 'carroll-gardens',
        name: 'Carroll Gardens',
      },
      {
        slug: 'cobble-hill',
        name: 'Cobble Hill',
      },
      {
        slug: 'red-hook',
        name: 'Red Hook',
      },
      {
        slug: 'sunset-park',
        name: 'Sunset Park',
      },
      {
        slug: 'bay-ridge',
        name: 'Bay Ridge',
      },
      {
        slug: 'dyker-heights',
        name: 'Dyker Heights',
      },
      {
        slug: 'bensonhurst',
        name: 'Bensonhurst',
      },
      {
        slug: 'flatbush',
        name: 'Flatbush',
      },
      {
        slug: 'ditmas-park',
        name: 'Ditmas Park',
      },
      {
        slug: 'greenpoint',
        name: 'Greenpoint',
      },
      {
        slug: 'sheepshead-bay',
        name: 'Sheepshead Bay',
      },
      {
        slug: 'brighton-beach',
        name: 'Brighton Beach',
      },
      {
        slug: 'coney-island',
        name: 'Coney Island',
      },
      {
        slug: 'gowanus',
        name: 'Gowanus',
      },
      {
        slug: 'windsor-terrace',
        name: 'Windsor Terrace',
      },
    ],
  },
  {
    slug: 'manhattan',
    name: 'Manhattan',
    neighborhoods: [
      {
        slug: 'upper-west-side',
        name: 'Upper West Side',
      },
      {
        slug: 'upper-east-side',
        name: 'Upper East Side',
      },
      {
        slug: 'harlem',
        name: 'Harlem',
      },
      {
        slug: 'east-harlem',
        name: 'East Harlem',
      },
      {
        slug: 'washington-heights',
        name: 'Washington Heights',
      },
      {
        slug: 'inwood',
        name: 'Inwood',
      },
      {
        slug: 'morningside-heights',
        name: 'Morningside Heights',
      },
      {
        slug: 'midtown',
        name: 'Midtown',
      },
      {
        slug: 'chelsea',
        name: 'Chelsea',
      },
      {
        slug: 'greenwich-village',
        name: 'Greenwich Village',
      },
      {
        slug: 'east-village',
        name: 'East Village',
      },
      {
        slug: 'lower-east-side',
        name: 'Lower East Side',
      },
      {
        slug: 'soho',
        name: 'SoHo',
      },
      {
        slug: 'tribeca',
        name: 'Tribeca',
      },
      {
        slug: 'financial-district',
        name: 'Financial District',
      },
      {
        slug: 'hells-kitchen',
        name: "Hell's Kitchen",
      },
      {
        slug: 'murray-hill',
        name: 'Murray Hill',
      },
      {
        slug: 'gramercy',
        name: 'Gramercy',
      },
      {
        slug: 'battery-park-city',
        name: 'Battery Park City',
      },
      {
        slug: 'chinatown',
        name: 'Chinatown',
      },
    ],
  },
  {
    slug: 'queens',
    name: 'Queens',
    neighborhoods: [
      {
        slug: 'astoria',
        name: 'Astoria',
      },
      {
        slug: 'long-island-city',
        name: 'Long Island City',
      },
      {
        slug: 'sunnyside',
        name: 'Sunnyside',
      },
      {
        slug: 'woodside',
        name: 'Woodside',
      },
      {
        slug: 'jackson-heights',
        name: 'Jackson Heights',
      },
      {
        slug: 'elmhurst',
        name: 'Elmhurst',
      },
      {
        slug: 'corona',
        name: 'Corona',
      },
      {
        slug: 'flushing',
        name: 'Flushing',
      },
      {
        slug: 'forest-hills',
        name: 'Forest Hills',
      },
      {
        slug: 'rego-park',
        name: 'Rego Park',
      },
      {
        slug: 'kew-gardens',
        name: 'Kew Gardens',
      },
      {
        slug: 'jamaica',
        name: 'Jamaica',
      },
      {
        slug: 'bayside',
        name: 'Bayside',
      },
      {
        slug: 'ridgewood',
        name: 'Ridgewood',
      },
      {
        slug: 'howard-beach',
        name: 'Howard Beach',
      },
      {
        slug: 'rockaway-beach',
        name: 'Rockaway Beach',
      },
      {
        slug: 'fresh-meadows',
        name: 'Fresh Meadows',
      },
      {
        slug: 'whitestone',
        name: 'Whitestone',
      },
      {
        slug: 'maspeth',
        name: 'Maspeth',
      },
    ],
  },
  {
    slug: 'staten-island',
    name: 'Staten Island',
    neighborhoods: [
      {
        slug: 'st-george',
        name: 'St. George',
      },
      {
        slug: 'tompkinsville',
        name: 'Tompkinsville',
      },
      {
        slug: 'stapleton',
        name: 'Stapleton',
      },
      {
        slug: 'port-richmond',
        name: 'Port Richmond',
      },
      {
        slug: 'west-brighton',
        name: 'West Brighton',
      },
      {
        slug: 'new-dorp',
        name: 'New Dorp',
      },
      {
        slug: 'great-kills',
        name: 'Great Kills',
      },
      {
        slug: 'tottenville',
        name: 'Tottenville',
      },
      {
        slug: 'eltingville',
        name: 'Eltingville',
      },
      {
        slug: 'annadale',
        name: 'Annadale',
      },
      {
        slug: 'todt-hill',
        name: 'Todt Hill',
      },
      {
        slug: 'grymes-hill',
        name: 'Grymes Hill',
      },
    ],
  },
];

export const BOROUGH_SLUGS = ['bronx', 'brooklyn', 'manhattan', 'queens', 'staten-island'] as const;
export type BoroughSlug = (typeof BOROUGH_SLUGS)[number];
